package org.actiontriggers.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.actiontriggers.secret.SecretMasker;

/**
 * Creates, replaces, switches and deletes trigger configs — the use cases the REST API and the console share.
 *
 * <p>Every write is validated by {@link ConfigValidator} first and runs in one transaction, so a refused or
 * failed write leaves nothing half-saved. A replace keeps the ids of the webhooks it updates in place (so
 * their delivery history stays attached) and keeps a stored credential when the submitted header value is
 * its masked form — what a client gets back from a read — so a read-modify-write never overwrites a secret
 * with {@value SecretMasker#MASK}.
 *
 * <p>Replace, switch and delete take an optional condition on the stored version ({@link Config#getVersion},
 * which every saved change moves on): the API's {@code If-Match} and the console's edit form use it so that
 * a change based on an old read is refused ({@link ConfigVersionMismatchException}) instead of silently
 * overwriting someone else's.
 */
@ApplicationScoped
public class ConfigService {

    @Inject
    ConfigRepository repository;

    @Inject
    ConfigValidator validator;

    /** The config with its webhooks, signals and content types loaded. */
    @Transactional
    public Optional<Config> find(long id) {
        return repository.find(id);
    }

    /**
     * Configs, oldest first, optionally only active or inactive ones and only those watching one entity type.
     *
     * @param contentType an entity name, matched without regard to case; {@code null} for all
     */
    @Transactional
    public Page<Config> list(Boolean active, String contentType, int page, int size) {
        String type =
                contentType == null ? null : validator.entityName(contentType).orElse(contentType);
        return repository.page(active, type, page, size);
    }

    /**
     * The webhook as its config sends to it (URL, method, header templates, timeout), for a test event; empty
     * when no config has that webhook.
     */
    @Transactional
    public Optional<TriggerTarget> webhookTarget(long webhookId) {
        return firstTarget(config -> config.getWebhooks().stream()
                .filter(w -> w.getId() != null && w.getId() == webhookId)
                .findFirst()
                .map(w -> TriggerTarget.of(config, config.payloadTemplate(), w)));
    }

    /**
     * A queue of the broker as a config publishes to it (the oldest config's first queue of that broker), for a
     * test event; empty when no config uses the broker.
     */
    @Transactional
    public Optional<TriggerTarget> brokerTarget(String brokerName) {
        return firstTarget(config -> config.getBrokerQueues().stream()
                .filter(q -> q.getName().equals(brokerName))
                .findFirst()
                .map(q -> TriggerTarget.of(config, config.payloadTemplate(), q)));
    }

    private Optional<TriggerTarget> firstTarget(java.util.function.Function<Config, Optional<TriggerTarget>> target) {
        int page = 1;
        while (true) {
            Page<Config> configs = repository.page(null, null, page++, 100);
            for (Config config : configs.items()) {
                Optional<TriggerTarget> found = target.apply(config);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (configs.items().size() < 100) {
                return Optional.empty();
            }
        }
    }

    /**
     * Saves a new config.
     *
     * @throws InvalidConfigException when the draft breaks a rule; nothing is saved
     */
    @Transactional
    public Config create(ConfigDraft draft, String createdBy) {
        requireValid(draft);
        Config config = new Config();
        config.setCreatedBy(createdBy);
        apply(draft, config);
        repository.save(config);
        return repository.find(config.getId()).orElseThrow();
    }

    /**
     * Replaces a config's content and children with the draft's.
     *
     * @return the updated config, or empty when there is none with this id
     * @throws InvalidConfigException when the draft breaks a rule; nothing is changed
     */
    @Transactional
    public Optional<Config> replace(long id, ConfigDraft draft) {
        return replace(id, draft, null);
    }

    /**
     * Replaces a config's content and children with the draft's, if its stored version is one the caller
     * expects.
     *
     * @param ifVersion which stored versions the caller's change may be applied to; {@code null} for any
     * @return the updated config, or empty when there is none with this id
     * @throws ConfigVersionMismatchException when the stored version is not one {@code ifVersion} accepts
     * @throws InvalidConfigException when the draft breaks a rule; nothing is changed
     */
    @Transactional
    public Optional<Config> replace(long id, ConfigDraft draft, LongPredicate ifVersion) {
        Optional<Config> found = repository.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Config config = found.get();
        requireVersion(config, ifVersion);
        ConfigDraft resolved = keepMaskedSecrets(config, draft);
        requireValid(resolved);
        apply(resolved, config);
        repository.save(config);
        return repository.find(id);
    }

    /** Switches a config on or off; empty when there is none with this id. */
    @Transactional
    public Optional<Config> setActive(long id, boolean active) {
        return setActive(id, active, null);
    }

    /**
     * Switches a config on or off if its stored version is one the caller expects; see {@link #replace(long,
     * ConfigDraft, LongPredicate)}.
     */
    @Transactional
    public Optional<Config> setActive(long id, boolean active, LongPredicate ifVersion) {
        Optional<Config> found = repository.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        requireVersion(found.get(), ifVersion);
        found.get().setActive(active);
        repository.save(found.get());
        return repository.find(id);
    }

    /** Deletes a config with its webhooks and signals; its deliveries stay on record. */
    public boolean delete(long id) {
        return repository.delete(id);
    }

    /**
     * Deletes a config if its stored version is one the caller expects; see {@link #replace(long, ConfigDraft,
     * LongPredicate)}.
     *
     * @return whether there was such a config
     */
    @Transactional
    public boolean delete(long id, LongPredicate ifVersion) {
        if (ifVersion == null) {
            return repository.delete(id);
        }
        Optional<Config> found = repository.find(id);
        if (found.isEmpty()) {
            return false;
        }
        requireVersion(found.get(), ifVersion);
        if (!repository.delete(id, found.get().getVersion())) {
            throw new ConfigChangedMeanwhileException("config " + id + " was changed or deleted meanwhile");
        }
        return true;
    }

    private static void requireVersion(Config stored, LongPredicate ifVersion) {
        if (ifVersion != null && !ifVersion.test(stored.getVersion())) {
            throw new ConfigVersionMismatchException(stored.getId(), stored.getVersion());
        }
    }

    /**
     * Checks a draft without saving it.
     *
     * @throws InvalidConfigException when it breaks a rule
     */
    public void requireValid(ConfigDraft draft) {
        List<Violation> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
    }

    /** A draft's values as an unsaved config, e.g. to preview it; the draft must be valid. */
    public Config unsaved(ConfigDraft draft) {
        requireValid(draft);
        Config config = new Config();
        apply(draft, config);
        return config;
    }

    private void apply(ConfigDraft draft, Config config) {
        config.setActive(draft.active() == null || draft.active());
        JsonValue payload = draft.payload();
        config.setPayload(payload);
        config.setCondition(draft.condition());
        config.getContentTypes().clear();
        draft.contentTypes()
                .forEach(type -> config.getContentTypes()
                        .add(validator.entityName(type.model()).orElseThrow()));
        config.getConfigSignals().clear();
        draft.signals().forEach(signal -> config.addSignal(Signal.parse(signal)));
        List<Webhook> webhooks = config.getWebhooks();
        while (webhooks.size() > draft.webhooks().size()) {
            webhooks.remove(webhooks.size() - 1);
        }
        for (int i = 0; i < draft.webhooks().size(); i++) {
            WebhookDraft given = draft.webhooks().get(i);
            Webhook webhook = i < webhooks.size() ? webhooks.get(i) : new Webhook(config, null, null, null, null);
            webhook.setUrl(given.url());
            webhook.setHttpMethod(given.httpMethod() == null ? HttpMethod.POST : HttpMethod.parse(given.httpMethod()));
            webhook.setHeaders(given.headers());
            webhook.setTimeoutSecs(given.timeoutSecs());
            webhook.setRateLimit(given.rateLimit());
            webhook.setMaxInFlight(given.maxInFlight());
        }
        List<MessageBrokerQueue> queues = config.getBrokerQueues();
        while (queues.size() > draft.brokerQueues().size()) {
            queues.remove(queues.size() - 1);
        }
        for (int i = 0; i < draft.brokerQueues().size(); i++) {
            BrokerQueueDraft given = draft.brokerQueues().get(i);
            MessageBrokerQueue queue =
                    i < queues.size() ? queues.get(i) : new MessageBrokerQueue(config, null, null, null, null);
            queue.setName(given.name());
            queue.setConnDetails(given.connDetails());
            queue.setParameters(given.parameters());
            queue.setTimeoutSecs(given.timeoutSecs());
        }
    }

    /** The draft with each header value that is the masked form of the stored one replaced by the stored one. */
    private static ConfigDraft keepMaskedSecrets(Config stored, ConfigDraft draft) {
        List<WebhookDraft> webhooks = new ArrayList<>();
        for (int i = 0; i < draft.webhooks().size(); i++) {
            WebhookDraft given = draft.webhooks().get(i);
            if (i >= stored.getWebhooks().size()) {
                webhooks.add(given);
                continue;
            }
            Map<String, String> storedHeaders = stored.getWebhooks().get(i).getHeaders();
            Map<String, String> headers = new LinkedHashMap<>();
            given.headers().forEach((name, value) -> {
                String old = storedHeaders.get(name);
                boolean masked = old != null
                        && value != null
                        && value.contains(SecretMasker.MASK)
                        && value.equals(SecretMasker.mask(name, old));
                headers.put(name, masked ? old : value);
            });
            webhooks.add(new WebhookDraft(
                    given.url(),
                    given.httpMethod(),
                    headers,
                    given.timeoutSecs(),
                    given.rateLimit(),
                    given.maxInFlight()));
        }
        List<BrokerQueueDraft> queues = new ArrayList<>();
        for (int i = 0; i < draft.brokerQueues().size(); i++) {
            BrokerQueueDraft given = draft.brokerQueues().get(i);
            if (i >= stored.getBrokerQueues().size()) {
                queues.add(given);
                continue;
            }
            queues.add(new BrokerQueueDraft(
                    given.name(),
                    unmasked(
                            given.connDetails(), stored.getBrokerQueues().get(i).getConnDetails()),
                    given.parameters(),
                    given.timeoutSecs()));
        }
        return new ConfigDraft(
                draft.active(),
                draft.payload(),
                draft.signals(),
                draft.contentTypes(),
                webhooks,
                queues,
                draft.condition());
    }

    /** The given values, each one that is the masked form of the stored value replaced by the stored value. */
    private static Map<String, String> unmasked(Map<String, String> given, Map<String, String> stored) {
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            String old = stored.get(name);
            boolean masked = old != null
                    && value != null
                    && value.contains(SecretMasker.MASK)
                    && value.equals(SecretMasker.mask(name, old));
            values.put(name, masked ? old : value);
        });
        return values;
    }
}
