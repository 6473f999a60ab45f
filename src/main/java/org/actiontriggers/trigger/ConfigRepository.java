package org.actiontriggers.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.actiontriggers.secret.SigningSecret;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.Table.Column;
import org.actiontriggers.trigger.Table.SqlType;

/**
 * Reads and writes {@link Config}s with their webhooks, broker queues, signals and content types, through
 * plain JDBC on the configured JTA DataSource: inside a transaction the connection is enlisted in it, so a
 * config change commits or rolls back with the caller's work. Action Triggers brings no persistence unit of
 * its own, which would make a host application's unnamed {@code @PersistenceContext} ambiguous.
 *
 * <p>Every write goes through {@link #save} or {@link #delete}, which is where the rules that hold whatever
 * code path saves a config are applied, once each: the payload template check ({@link Config#beforeWrite}),
 * the limits on webhooks and headers, the encryption of a new webhook's signing secret, and the config
 * revision that makes the change take effect on every instance after the commit ({@link ConfigRevision}).
 *
 * <p>Saving a config that was loaded earlier updates only what differs from the stored rows: its own row
 * (refused with {@link ConfigChangedMeanwhileException} when another transaction updated it since it was
 * loaded), its content types, and each child by id — children without an id are inserted, stored children
 * missing from the config are deleted. A webhook's signing secret is written only when it is inserted.
 */
@ApplicationScoped
public class ConfigRepository {

    /** Ids per {@code IN (…)} list when children are loaded for many configs. */
    private static final int IN_CHUNK = 500;

    static final Table<Config> CONFIGS = new Table<>(
            "action_triggers_config",
            "action_triggers_config_seq",
            Config::new,
            List.of(
                    Column.insertOnly("id", SqlType.LONG, Config::getId, Config::setId),
                    Column.of("payload", SqlType.TEXT, Config::getPayload, Config::setStoredPayload),
                    Column.of("condition_json", SqlType.TEXT, Config::getCondition, Config::setStoredCondition),
                    Column.of("active", SqlType.BOOLEAN, Config::isActive, Config::setActive),
                    Column.of("ordered", SqlType.BOOLEAN, Config::isOrdered, Config::setOrdered),
                    Column.insertOnly("created_on", SqlType.TIMESTAMP, Config::getCreatedOn, Config::setCreatedOn),
                    Column.insertOnly("created_by", SqlType.TEXT, Config::getCreatedBy, Config::setCreatedBy),
                    Column.insertOnly("version", SqlType.LONG, Config::getVersion, Config::setVersion)));

    static final Table<Webhook> WEBHOOKS = new Table<>(
            "action_triggers_webhook",
            "action_triggers_webhook_seq",
            Webhook::new,
            List.of(
                    Column.insertOnly("id", SqlType.LONG, Webhook::getId, Webhook::setId),
                    Column.insertOnly(
                            "config_id", SqlType.LONG, w -> w.getConfig().getId(), null),
                    Column.of("url", SqlType.TEXT, Webhook::getUrl, Webhook::setUrl),
                    Column.of(
                            "http_method",
                            SqlType.named(HttpMethod::parse),
                            Webhook::getHttpMethod,
                            Webhook::setHttpMethod),
                    Column.of("headers", SqlType.JSON_MAP, Webhook::getHeaders, Webhook::setHeaders),
                    Column.of("timeout_secs", SqlType.DOUBLE, Webhook::getTimeoutSecs, Webhook::setTimeoutSecs),
                    Column.of(
                            "signing_enabled", SqlType.BOOLEAN, Webhook::isSigningEnabled, Webhook::setSigningEnabled),
                    Column.of("rate_limit", SqlType.DOUBLE, Webhook::getRateLimit, Webhook::setRateLimit),
                    Column.of("max_in_flight", SqlType.INTEGER, Webhook::getMaxInFlight, Webhook::setMaxInFlight),
                    Column.insertOnly(
                            "signing_secret",
                            SqlType.TEXT,
                            Webhook::getEncryptedSigningSecret,
                            Webhook::setEncryptedSigningSecret)));

    static final Table<MessageBrokerQueue> QUEUES = new Table<>(
            "action_triggers_broker_queue",
            "action_triggers_broker_queue_seq",
            MessageBrokerQueue::new,
            List.of(
                    Column.insertOnly("id", SqlType.LONG, MessageBrokerQueue::getId, MessageBrokerQueue::setId),
                    Column.insertOnly(
                            "config_id", SqlType.LONG, q -> q.getConfig().getId(), null),
                    Column.of("name", SqlType.TEXT, MessageBrokerQueue::getName, MessageBrokerQueue::setName),
                    Column.of(
                            "conn_details",
                            SqlType.JSON_MAP,
                            MessageBrokerQueue::getConnDetails,
                            MessageBrokerQueue::setConnDetails),
                    Column.of(
                            "parameters",
                            SqlType.JSON_MAP,
                            MessageBrokerQueue::getParameters,
                            MessageBrokerQueue::setParameters),
                    Column.of(
                            "timeout_secs",
                            SqlType.DOUBLE,
                            MessageBrokerQueue::getTimeoutSecs,
                            MessageBrokerQueue::setTimeoutSecs)));

    static final Table<ConfigSignal> SIGNALS = new Table<>(
            "action_triggers_config_signal",
            "action_triggers_config_signal_seq",
            ConfigSignal::new,
            List.of(
                    Column.insertOnly("id", SqlType.LONG, ConfigSignal::getId, ConfigSignal::setId),
                    Column.insertOnly(
                            "config_id", SqlType.LONG, s -> s.getConfig().getId(), null),
                    Column.of(
                            "signal", SqlType.named(Signal::parse), ConfigSignal::getSignal, ConfigSignal::setSignal)));

    /** The content types: no id, no update — a changed set is deleted and inserted again. */
    private static final String CONTENT_TYPES = "action_triggers_config_content_type";

    @Inject
    DataSource dataSource;

    @Inject
    TriggerSettings settings;

    @Inject
    ConfigRevision revision;

    /** Active configs with their children, oldest first. */
    public List<Config> findActiveWithChildren() {
        return query("active = ?", List.of(true), "");
    }

    /** The config with its children. */
    public Optional<Config> find(long id) {
        return query("id = ?", List.of(id), "").stream().findFirst();
    }

    /**
     * One page of configs with their children, oldest first.
     *
     * @param active only active or only inactive ones; {@code null} for both
     * @param contentType only those watching this entity name, exactly as stored; {@code null} for all
     */
    public Page<Config> page(Boolean active, String contentType, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (active != null) {
            conditions.add("active = ?");
            parameters.add(active);
        }
        if (contentType != null) {
            conditions.add("EXISTS (SELECT 1 FROM " + CONTENT_TYPES + " t WHERE t.config_id = " + CONFIGS.name()
                    + ".id AND t.content_type = ?)");
            parameters.add(contentType);
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT COUNT(*) FROM " + CONFIGS.name() + " WHERE " + where)) {
                bind(ps, parameters);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(Page.firstIndex(page, size));
            paged.add(size);
            List<Config> configs = query(c, where, paged, " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
            return new Page<>(configs, total, page, size);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the trigger configs", e);
        }
    }

    /**
     * Inserts a new config with its children, or writes what changed of a saved one.
     *
     * @return the same config, with the ids of what was inserted set
     * @throws org.actiontriggers.template.InvalidTemplateException when a new or changed payload template is
     *     refused
     * @throws LimitExceededException when a written webhook breaks a limit (the message names the setting)
     * @throws ConfigChangedMeanwhileException when another transaction changed or deleted the config since
     *     this copy was loaded
     */
    @Transactional
    public Config save(Config config) {
        try (Connection c = dataSource.getConnection()) {
            if (config.getId() == null) {
                insert(c, config);
            } else {
                update(c, config);
            }
            revision.bump(c);
            return config;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the trigger config", e);
        }
    }

    /** Deletes a config with its children (the foreign keys cascade); its deliveries stay on record. */
    @Transactional
    public boolean delete(long id) {
        return delete(id, null);
    }

    /**
     * Deletes a config with its children only if it is still at the given version.
     *
     * @param version the version it must have, or {@code null} for any
     * @return whether it was deleted; {@code false} when it is gone or was changed since that version
     */
    @Transactional
    public boolean delete(long id, Long version) {
        String sql = "DELETE FROM " + CONFIGS.name() + " WHERE id = ?" + (version == null ? "" : " AND version = ?");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            if (version != null) {
                ps.setLong(2, version);
            }
            if (ps.executeUpdate() == 0) {
                return false;
            }
            revision.bump(c);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete trigger config " + id, e);
        }
    }

    private List<Config> query(String where, List<Object> parameters, String tail) {
        try (Connection c = dataSource.getConnection()) {
            return query(c, where, parameters, tail);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the trigger configs", e);
        }
    }

    /** The configs the condition selects, in id order, each with its children. */
    private static List<Config> query(Connection c, String where, List<Object> parameters, String tail)
            throws SQLException {
        Map<Long, Config> configs = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CONFIGS.select() + " WHERE " + where + " ORDER BY id" + tail)) {
            bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Config config = CONFIGS.read(rs);
                    configs.put(config.getId(), config);
                }
            }
        }
        List<Long> ids = new ArrayList<>(configs.keySet());
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String in = "config_id IN (" + chunk.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")";
            List<Object> bound = List.copyOf(chunk);
            forEachRow(
                    c,
                    "SELECT config_id, content_type FROM " + CONTENT_TYPES + " WHERE " + in
                            + " ORDER BY config_id, content_type",
                    bound,
                    rs -> configs.get(rs.getLong("config_id")).getContentTypes().add(rs.getString("content_type")));
            forEachRow(
                    c,
                    WEBHOOKS.select() + " WHERE " + in + " ORDER BY id",
                    bound,
                    rs -> configs.get(rs.getLong("config_id")).addWebhook(WEBHOOKS.read(rs)));
            forEachRow(
                    c,
                    QUEUES.select() + " WHERE " + in + " ORDER BY id",
                    bound,
                    rs -> configs.get(rs.getLong("config_id")).addBrokerQueue(QUEUES.read(rs)));
            forEachRow(
                    c,
                    SIGNALS.select() + " WHERE " + in + " ORDER BY id",
                    bound,
                    rs -> configs.get(rs.getLong("config_id")).attach(SIGNALS.read(rs)));
        }
        return new ArrayList<>(configs.values());
    }

    private void insert(Connection c, Config config) throws SQLException {
        config.beforeWrite(null, null);
        checkLimits(config);
        config.setId(nextId(c, CONFIGS));
        execute(c, CONFIGS.insert(), ps -> CONFIGS.bindInsert(ps, config));
        insertContentTypes(c, config);
        for (Webhook webhook : config.getWebhooks()) {
            insertWebhook(c, webhook);
        }
        for (MessageBrokerQueue queue : config.getBrokerQueues()) {
            insertRow(c, QUEUES, queue, MessageBrokerQueue::setId);
        }
        for (ConfigSignal signal : config.getConfigSignals()) {
            insertRow(c, SIGNALS, signal, ConfigSignal::setId);
        }
    }

    private void update(Connection c, Config config) throws SQLException {
        Config stored = query(c, "id = ?", List.of(config.getId()), "").stream()
                .findFirst()
                .orElseThrow(() -> new ConfigChangedMeanwhileException("config " + config.getId() + " was deleted"));
        config.beforeWrite(stored.getPayload(), stored.getCondition());
        if (changes(WEBHOOKS, config.getWebhooks(), stored.getWebhooks(), Webhook::getId)) {
            checkLimits(config);
        }
        boolean typesChanged = !config.getContentTypes().equals(stored.getContentTypes());
        if (typesChanged || !CONFIGS.sameUpdatable(config, stored) || childrenDiffer(config, stored)) {
            long version = config.getVersion();
            String sql = CONFIGS.update() + ", version = version + 1 WHERE id = ? AND version = ?";
            int updated = execute(c, sql, ps -> {
                int next = CONFIGS.bindUpdate(ps, config);
                ps.setLong(next, config.getId());
                ps.setLong(next + 1, version);
            });
            if (updated == 0) {
                throw new ConfigChangedMeanwhileException("config " + config.getId() + " was changed meanwhile");
            }
            config.setVersion(version + 1);
        }
        if (typesChanged) {
            execute(c, "DELETE FROM " + CONTENT_TYPES + " WHERE config_id = ?", ps -> ps.setLong(1, config.getId()));
            insertContentTypes(c, config);
        }
        sync(c, WEBHOOKS, config.getWebhooks(), stored.getWebhooks(), Webhook::getId, w -> insertWebhook(c, w));
        sync(
                c,
                QUEUES,
                config.getBrokerQueues(),
                stored.getBrokerQueues(),
                MessageBrokerQueue::getId,
                q -> insertRow(c, QUEUES, q, MessageBrokerQueue::setId));
        sync(
                c,
                SIGNALS,
                config.getConfigSignals(),
                stored.getConfigSignals(),
                ConfigSignal::getId,
                s -> insertRow(c, SIGNALS, s, ConfigSignal::setId));
    }

    /**
     * Whether saving would insert, update or delete a child: such a change moves the config's version too, so
     * that the version (the API's {@code ETag}) tells every saved change apart.
     */
    private static boolean childrenDiffer(Config config, Config stored) {
        return differ(WEBHOOKS, config.getWebhooks(), stored.getWebhooks(), Webhook::getId)
                || differ(QUEUES, config.getBrokerQueues(), stored.getBrokerQueues(), MessageBrokerQueue::getId)
                || differ(SIGNALS, config.getConfigSignals(), stored.getConfigSignals(), ConfigSignal::getId);
    }

    private static <T> boolean differ(Table<T> table, List<T> given, List<T> stored, Function<T, Long> id) {
        Set<Long> kept = given.stream().map(id).collect(Collectors.toSet());
        return changes(table, given, stored, id) || !stored.stream().map(id).allMatch(kept::contains);
    }

    /** Whether saving the given children would insert or update a row (deleting one is no write to check). */
    private static <T> boolean changes(Table<T> table, List<T> given, List<T> stored, Function<T, Long> id) {
        Map<Long, T> byId = stored.stream().collect(Collectors.toMap(id, row -> row));
        return given.stream()
                .anyMatch(row -> id.apply(row) == null
                        || !byId.containsKey(id.apply(row))
                        || !table.sameUpdatable(row, byId.get(id.apply(row))));
    }

    /** Makes the stored children those given: deletes the missing, updates the changed, inserts the new. */
    private static <T> void sync(
            Connection c, Table<T> table, List<T> given, List<T> stored, Function<T, Long> id, RowWriter<T> insert)
            throws SQLException {
        Map<Long, T> byId = new LinkedHashMap<>();
        stored.forEach(row -> byId.put(id.apply(row), row));
        Set<Long> kept = given.stream().map(id).filter(byId::containsKey).collect(Collectors.toSet());
        for (Long gone : byId.keySet()) {
            if (!kept.contains(gone)) {
                execute(c, "DELETE FROM " + table.name() + " WHERE id = ?", ps -> ps.setLong(1, gone));
            }
        }
        for (T row : given) {
            Long rowId = id.apply(row);
            if (rowId == null) {
                insert.write(row);
            } else if (!byId.containsKey(rowId)) {
                throw new ConfigChangedMeanwhileException(table.name() + " row " + rowId + " was deleted meanwhile");
            } else if (!table.sameUpdatable(row, byId.get(rowId))) {
                execute(c, table.update() + " WHERE id = ?", ps -> ps.setLong(table.bindUpdate(ps, row), rowId));
            }
        }
    }

    /**
     * A new webhook gets its signing secret — the one its creator chose, or a generated one — encrypted for its
     * row: its id is drawn first, as the ciphertext is bound to it.
     */
    private void insertWebhook(Connection c, Webhook webhook) throws SQLException {
        webhook.setId(nextId(c, WEBHOOKS));
        if (webhook.getEncryptedSigningSecret() == null) {
            SigningSecret secret = webhook.pendingSigningSecret();
            if (secret == null) {
                secret = SigningSecret.generate();
                webhook.issueSigningSecret(secret);
            }
            webhook.setEncryptedSigningSecret(
                    current().secretCipher().encrypt(secret.text(), WEBHOOKS.name(), webhook.getId()));
        }
        execute(c, WEBHOOKS.insert(), ps -> WEBHOOKS.bindInsert(ps, webhook));
    }

    /**
     * Refuses a config whose webhooks break a limit, whatever code path saves it. Callers that want a message
     * instead of a failed transaction run {@link ConfigValidator} first.
     */
    private void checkLimits(Config config) {
        List<String> problems = current()
                .limits()
                .problems(config.getWebhooks().stream().map(Webhook::getHeaders).toList());
        if (!problems.isEmpty()) {
            throw new LimitExceededException(String.join("; ", problems));
        }
    }

    private Settings current() {
        return settings.current();
    }

    private static void insertContentTypes(Connection c, Config config) throws SQLException {
        for (String type : config.getContentTypes()) {
            execute(c, "INSERT INTO " + CONTENT_TYPES + " (config_id, content_type) VALUES (?, ?)", ps -> {
                ps.setLong(1, config.getId());
                ps.setString(2, type);
            });
        }
    }

    private static <T> void insertRow(Connection c, Table<T> table, T row, IdSetter<T> setId) throws SQLException {
        setId.set(row, nextId(c, table));
        execute(c, table.insert(), ps -> table.bindInsert(ps, row));
    }

    private static long nextId(Connection c, Table<?> table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(table.nextId());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int execute(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    private static void forEachRow(Connection c, String sql, List<Object> parameters, RowHandler handler)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            ps.setObject(i + 1, parameters.get(i));
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface RowWriter<T> {
        void write(T row) throws SQLException;
    }

    @FunctionalInterface
    private interface IdSetter<T> {
        void set(T row, Long id);
    }
}
