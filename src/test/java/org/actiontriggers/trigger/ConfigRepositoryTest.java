package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.actiontriggers.boot.SchemaMigrator;
import org.actiontriggers.settings.Limits;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TestSettings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.template.InvalidTemplateException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC mapping of the trigger tables, on a real H2 database migrated by the real migrations: what is
 * saved reads back the same, a replace writes only what changed and keeps ids, and the rules every save
 * obeys (limits, templates, signing secrets, the revision) hold whatever the caller.
 */
class ConfigRepositoryTest {

    private final AtomicInteger bumps = new AtomicInteger();
    private Settings settings = TestSettings.settings().build();
    private JdbcDataSource dataSource;
    private ConfigRepository repository;

    @BeforeEach
    void migratedDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:repo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrator.configuration(dataSource).load().migrate();
        repository = new ConfigRepository();
        repository.dataSource = dataSource;
        repository.settings = new TriggerSettings() {
            @Override
            public Settings current() {
                return settings;
            }
        };
        repository.revision = new ConfigRevision() {
            @Override
            void bump(Connection connection) throws SQLException {
                increment(connection);
                bumps.incrementAndGet();
            }
        };
    }

    @Test
    void aSavedConfigReadsBackWithItsChildrenInOrder() {
        Config config = seedConfig();

        repository.save(config);
        Config found = repository.find(config.getId()).orElseThrow();

        assertThat(found.getPayload()).isEqualTo(config.getPayload());
        assertThat(found.isActive()).isTrue();
        assertThat(found.isOrdered()).isTrue();
        assertThat(found.getCreatedBy()).isEqualTo("ann");
        assertThat(found.getCreatedOn()).isNotNull();
        assertThat(found.getVersion()).isZero();
        assertThat(found.getContentTypes()).containsExactly("Customer", "Sale");
        assertThat(found.getConfigSignals())
                .extracting(ConfigSignal::getSignal)
                .containsExactly(Signal.POST_SAVE, Signal.PRE_DELETE);
        assertThat(found.getWebhooks())
                .hasSize(2)
                .allSatisfy(w -> assertThat(w.getConfig()).isSameAs(found));
        Webhook first = found.getWebhooks().get(0);
        assertThat(first.getId()).isEqualTo(config.getWebhooks().get(0).getId());
        assertThat(first.getUrl()).isEqualTo("https://example.com/a");
        assertThat(first.getHttpMethod()).isEqualTo(HttpMethod.PUT);
        assertThat(first.getHeaders()).containsExactly(Map.entry("Z-First", "1"), Map.entry("A-Second", "2"));
        assertThat(first.getTimeoutSecs()).isEqualTo(2.5);
        assertThat(found.getWebhooks().get(1).getTimeoutSecs()).isNull();
        assertThat(found.getWebhooks().get(1).getHttpMethod()).isEqualTo(HttpMethod.POST);
        MessageBrokerQueue queue = found.getBrokerQueues().get(0);
        assertThat(queue.getName()).isEqualTo("rabbit");
        assertThat(queue.getConnDetails()).containsEntry("password", "{{ org.example.Secrets.token }}");
        assertThat(queue.getParameters()).containsEntry("queue", "sales");
        assertThat(bumps).hasValue(1);
    }

    @Test
    void aNewWebhooksSigningSecretIsStoredEncryptedAndHandedOutOnce() throws SQLException {
        Config config = seedConfig();
        Webhook chosen = config.getWebhooks().get(0);
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        chosen.useSigningSecret(secret);

        repository.save(config);

        assertThat(chosen.issuedSigningSecret()).isEqualTo(secret);
        assertThat(chosen.issuedSigningSecret()).isNull();
        String stored = storedSecret(chosen.getId());
        assertThat(stored).doesNotContain(secret);
        assertThat(settings.secretCipher().decrypt(stored, "action_triggers_webhook", chosen.getId()))
                .isEqualTo(secret);
        Webhook generated = config.getWebhooks().get(1);
        assertThat(settings.secretCipher()
                        .decrypt(storedSecret(generated.getId()), "action_triggers_webhook", generated.getId()))
                .isEqualTo(generated.issuedSigningSecret())
                .startsWith("whsec_");
    }

    @Test
    void aReplaceUpdatesWebhooksInPlaceDropsTheMissingAndNeverRewritesASecret() throws SQLException {
        Config config = repository.save(seedConfig());
        long firstId = config.getWebhooks().get(0).getId();
        String secretBefore = storedSecret(firstId);

        Config loaded = repository.find(config.getId()).orElseThrow();
        loaded.getWebhooks().get(0).setUrl("https://example.com/changed");
        loaded.getWebhooks().remove(1);
        new Webhook(loaded, "https://example.com/new", HttpMethod.PATCH, Map.of(), 1.0);
        loaded.getConfigSignals().clear();
        loaded.addSignal(Signal.POST_DELETE);
        loaded.getContentTypes().remove("Customer");
        repository.save(loaded);

        Config found = repository.find(config.getId()).orElseThrow();
        assertThat(found.getWebhooks())
                .extracting(Webhook::getUrl)
                .containsExactly("https://example.com/changed", "https://example.com/new");
        assertThat(found.getWebhooks().get(0).getId()).isEqualTo(firstId);
        assertThat(storedSecret(firstId)).isEqualTo(secretBefore);
        assertThat(found.getConfigSignals()).extracting(ConfigSignal::getSignal).containsExactly(Signal.POST_DELETE);
        assertThat(found.getContentTypes()).containsExactly("Sale");
        assertThat(found.getVersion())
                .as("the content types are the config's own")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM action_triggers_webhook")).isEqualTo(2);
    }

    @Test
    void aCopyLoadedBeforeAnotherUpdateOfTheConfigIsRefusedAndAChildEditMovesTheVersionToo() {
        Config config = repository.save(seedConfig());
        Config first = repository.find(config.getId()).orElseThrow();
        Config second = repository.find(config.getId()).orElseThrow();

        first.setActive(false);
        repository.save(first);
        second.setPayload(Json.createObjectBuilder().add("q", "{{ quantity }}").build());

        assertThatThrownBy(() -> repository.save(second)).isInstanceOf(ConfigChangedMeanwhileException.class);
        Config third = repository.find(config.getId()).orElseThrow();
        assertThat(third.isActive()).isFalse();
        assertThat(third.getPayload()).isEqualTo(config.getPayload());
        third.getWebhooks().get(0).setTimeoutSecs(9.0);
        repository.save(third);
        Config found = repository.find(config.getId()).orElseThrow();
        assertThat(found.getWebhooks().get(0).getTimeoutSecs()).isEqualTo(9.0);
        assertThat(found.getVersion())
                .as("the ETag tells a webhook's edit apart")
                .isEqualTo(2);
    }

    @Test
    void pagesAreInIdOrderAndFilterByActiveAndContentType() {
        for (int i = 0; i < 5; i++) {
            Config config = new Config(null, i % 2 == 0, List.of(i < 3 ? "Sale" : "Customer"));
            config.addSignal(Signal.POST_SAVE);
            repository.save(config);
        }

        Page<Config> second = repository.page(null, null, 2, 2);
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.items())
                .extracting(Config::getContentTypes)
                .containsExactly(java.util.Set.of("Sale"), java.util.Set.of("Customer"));
        assertThat(repository.page(true, null, 1, 10).items()).hasSize(3).allMatch(Config::isActive);
        assertThat(repository.page(false, "Sale", 1, 10).items())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.isActive()).isFalse();
                    assertThat(c.getContentTypes()).containsExactly("Sale");
                });
        assertThat(repository.page(null, "Sale", 1, 10).total()).isEqualTo(3);
        assertThat(repository.findActiveWithChildren()).hasSize(3);
    }

    @Test
    void aWebhookOverALimitIsNotSavedButAnOldConfigOverANewLimitCanStillBeSwitched() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            headers.put("X-" + i, "v");
        }
        Config config = new Config(null, true, List.of("Sale"));
        new Webhook(config, "https://example.com/a", HttpMethod.POST, headers, null);
        repository.save(config);

        settings = TestSettings.settings()
                .limits(new Limits(1024, 2, 1024, 1024, 10))
                .build();
        Config tooMany = new Config(null, true, List.of("Sale"));
        new Webhook(tooMany, "https://example.com/b", HttpMethod.POST, headers, null);
        assertThatThrownBy(() -> repository.save(tooMany))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("action-triggers.limits.max-headers");

        Config old = repository.find(config.getId()).orElseThrow();
        old.setActive(false);
        repository.save(old);
        assertThat(repository.find(config.getId()).orElseThrow().isActive()).isFalse();
        old.getWebhooks().get(0).setUrl("https://example.com/c");
        assertThatThrownBy(() -> repository.save(old)).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void aStoredBadTemplateCanBeSwitchedOffButNotReplacedByAnother() throws SQLException {
        Config config = repository.save(seedConfig());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE action_triggers_config SET payload = ?")) {
            ps.setString(
                    1, Json.createValue("[[${T(java.lang.System).exit(0)}]]").toString());
            ps.executeUpdate();
        }

        Config stored = repository.find(config.getId()).orElseThrow();
        stored.setActive(false);
        repository.save(stored);
        stored.setTextPayload("{{ quantity }} [[${new java.io.File('x')}]]");

        assertThatThrownBy(() -> repository.save(stored)).isInstanceOf(InvalidTemplateException.class);
    }

    @Test
    void deletingRemovesTheChildrenAndMovesTheRevision() throws SQLException {
        Config config = repository.save(seedConfig());
        long revision = count("SELECT revision FROM action_triggers_config_revision");

        assertThat(repository.delete(config.getId())).isTrue();
        assertThat(repository.delete(config.getId())).isFalse();

        assertThat(repository.find(config.getId())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM action_triggers_webhook")).isZero();
        assertThat(count("SELECT COUNT(*) FROM action_triggers_config_signal")).isZero();
        assertThat(count("SELECT COUNT(*) FROM action_triggers_broker_queue")).isZero();
        assertThat(count("SELECT revision FROM action_triggers_config_revision"))
                .isEqualTo(revision + 1);
        assertThat(bumps).hasValue(2);
    }

    private static Config seedConfig() {
        Config config = new Config(
                Json.createObjectBuilder().add("quantity", "{{ quantity }}").build(),
                true,
                List.of("Sale", "Customer"));
        config.setOrdered(true);
        config.setCreatedBy("ann");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Z-First", "1");
        headers.put("A-Second", "2");
        new Webhook(config, "https://example.com/a", HttpMethod.PUT, headers, 2.5);
        new Webhook(config, "https://example.com/b", null, null, null);
        new MessageBrokerQueue(
                config, "rabbit", Map.of("password", "{{ org.example.Secrets.token }}"), Map.of("queue", "sales"), 3.0);
        config.addSignal(Signal.POST_SAVE);
        config.addSignal(Signal.PRE_DELETE);
        return config;
    }

    private String storedSecret(long webhookId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT signing_secret FROM action_triggers_webhook WHERE id = ?")) {
            ps.setLong(1, webhookId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
