package org.actiontriggers.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.actiontriggers.secret.SecretMasker;
import org.actiontriggers.settings.BrokerDefinition;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.MessageBrokerQueue;
import org.actiontriggers.trigger.Violation;
import org.junit.jupiter.api.Test;

class TriggerFormTest {

    private static TriggerForm seedForm() {
        TriggerForm form = TriggerForm.blank();
        form.setContentTypes(List.of("Sale"));
        form.setSignals(List.of("post_save"));
        form.setPayload("{\"quantity\": \"{{ quantity }}\"}");
        TriggerForm.WebhookRow hook = form.getWebhooks().get(0);
        hook.setUrl(" http://127.0.0.1:8080/hooks/x ");
        hook.setTimeout("2.5");
        hook.getHeaders().get(0).setName("Authorization");
        hook.getHeaders().get(0).setValue("Bearer {{ a.b }}");
        hook.addHeader();
        return form;
    }

    @Test
    void aFilledFormBecomesTheDraftTheServicesValidate() {
        TriggerForm.Drafted drafted = seedForm().toDraft();

        assertThat(drafted.problems()).isEmpty();
        assertThat(drafted.draft().contentTypes().get(0).model()).isEqualTo("Sale");
        assertThat(drafted.draft().signals()).containsExactly("post_save");
        assertThat(drafted.draft().payload().getValueType()).isEqualTo(JsonValue.ValueType.OBJECT);
        var webhook = drafted.draft().webhooks().get(0);
        assertThat(webhook.url()).isEqualTo("http://127.0.0.1:8080/hooks/x");
        assertThat(webhook.timeoutSecs()).isEqualTo(2.5);
        assertThat(webhook.headers()).containsExactly(java.util.Map.entry("Authorization", "Bearer {{ a.b }}"));
    }

    @Test
    void textThatIsNotJsonIsOneTextTemplateAndBlankMeansTheEntitysFields() {
        TriggerForm form = seedForm();
        form.setPayload("Sale {{ id }} changed");
        assertThat(((JsonString) form.toDraft().draft().payload()).getString()).isEqualTo("Sale {{ id }} changed");
        form.setPayload("  ");
        assertThat(form.toDraft().draft().payload()).isNull();
    }

    @Test
    void whatCannotBeReadIsReportedAtTheValidatorsPointers() {
        TriggerForm form = seedForm();
        form.setPayload("{\"quantity\": ");
        form.getWebhooks().get(0).setTimeout("soon");
        form.getWebhooks().get(0).getHeaders().get(1).setName("Authorization");
        form.getWebhooks().get(0).getHeaders().get(1).setValue("again");

        List<Violation> problems = form.toDraft().problems();

        assertThat(problems)
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/payload", "/webhooks/0/timeout_secs", "/webhooks/0/headers/Authorization");
        assertThat(problems).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
    }

    @Test
    void headerNamesThatDifferInCaseReachTheDraftForTheValidatorToRefuse() {
        TriggerForm form = seedForm();
        form.getWebhooks().get(0).getHeaders().get(1).setName("authorization");
        form.getWebhooks().get(0).getHeaders().get(1).setValue("again");

        TriggerForm.Drafted drafted = form.toDraft();

        assertThat(drafted.problems()).isEmpty();
        assertThat(drafted.draft().webhooks().get(0).headers()).containsOnlyKeys("Authorization", "authorization");
        assertThat(FieldPlace.of(form, "/webhooks/0/headers/authorization").field())
                .isEqualTo("webhooks:0:headers:1:value");
    }

    @Test
    void eachPointerFindsItsFieldAndLabel() {
        TriggerForm form = seedForm();

        assertThat(FieldPlace.of(form, "/webhooks/0/url").field()).isEqualTo("webhooks:0:url");
        assertThat(FieldPlace.of(form, "/webhooks/0/http_method").field()).isEqualTo("webhooks:0:method");
        assertThat(FieldPlace.of(form, "/webhooks/0/timeout_secs").field()).isEqualTo("webhooks:0:timeout");
        assertThat(FieldPlace.of(form, "/webhooks/0/headers/Authorization").field())
                .isEqualTo("webhooks:0:headers:0:value");
        assertThat(FieldPlace.of(form, "/webhooks/0/headers").field()).isEqualTo("webhooks:0:headerList");
        assertThat(FieldPlace.of(form, "/webhooks").field()).isEqualTo("webhookList");
        assertThat(FieldPlace.of(form, "/payload/quantity").field()).isEqualTo("payload");
        assertThat(FieldPlace.of(form, "/config_signals/0/signal").field()).isEqualTo("signals");
        assertThat(FieldPlace.of(form, "/content_types/0/model").field()).isEqualTo("contentTypes");
        assertThat(FieldPlace.of(form, "/entity_id").field()).isEqualTo("previewId");
        assertThat(FieldPlace.of(form, "").field()).isNull();
        assertThat(FieldPlace.of(form, "/message_broker_queues").field()).isEqualTo("queueList");

        assertThat(FieldPlace.of(form, "/webhooks/0/url").label()).isEqualTo("Webhook 1: URL");
        assertThat(FieldPlace.of(form, "/webhooks/1/headers/X-Key").label()).isEqualTo("Webhook 2: header 'X-Key'");
        assertThat(FieldPlace.of(form, "/payload/quantity").label()).isEqualTo("Payload field 'quantity'");
        assertThat(FieldPlace.of(form, "/content_types/0/model").label()).isEqualTo("Entity types");
    }

    private static TriggerForm formWithQueue() {
        TriggerForm form = seedForm();
        form.addQueue();
        TriggerForm.QueueRow queue = form.getQueues().get(0);
        queue.setName(" it-rabbit ");
        queue.setTimeout("3");
        queue.getParameters().get(0).setName("queue");
        queue.getParameters().get(0).setValue("sales");
        queue.addParameter();
        queue.addConnDetail();
        queue.getConnDetails().get(0).setName("password");
        queue.getConnDetails().get(0).setValue("{{ com.example.Secrets.password }}");
        return form;
    }

    @Test
    void aQueueRowBecomesABrokerQueueOfTheDraftAndBlankRowsAreLeftOut() {
        TriggerForm.Drafted drafted = formWithQueue().toDraft();

        assertThat(drafted.problems()).isEmpty();
        assertThat(drafted.draft().webhooks()).hasSize(1);
        assertThat(drafted.draft().brokerQueues()).hasSize(1);
        var queue = drafted.draft().brokerQueues().get(0);
        assertThat(queue.name()).isEqualTo("it-rabbit");
        assertThat(queue.timeoutSecs()).isEqualTo(3.0);
        assertThat(queue.parameters()).containsExactly(java.util.Map.entry("queue", "sales"));
        assertThat(queue.connDetails())
                .containsExactly(java.util.Map.entry("password", "{{ com.example.Secrets.password }}"));
        assertThat(TriggerForm.blank().toDraft().draft().brokerQueues()).isEmpty();
    }

    @Test
    void aStoredQueueIsShownWithItsCredentialsMaskedAndSavedBackWithItsQueues() {
        Config config = new Config();
        config.setActive(true);
        new MessageBrokerQueue(
                config,
                "it-rabbit",
                java.util.Map.of("password", "s3cretPassw0rd"),
                java.util.Map.of("queue", "sales"),
                2.5);

        TriggerForm form = TriggerForm.of(config);

        TriggerForm.QueueRow row = form.getQueues().get(0);
        assertThat(row.getName()).isEqualTo("it-rabbit");
        assertThat(row.getTimeout()).isEqualTo("2.5");
        assertThat(row.getConnDetails().get(0).getValue()).isEqualTo(SecretMasker.MASK);
        var queue = form.toDraft().draft().brokerQueues().get(0);
        assertThat(queue.connDetails()).containsExactly(java.util.Map.entry("password", SecretMasker.MASK));
        assertThat(queue.parameters()).containsExactly(java.util.Map.entry("queue", "sales"));
    }

    @Test
    void whatCannotBeReadInAQueueIsReportedAtTheValidatorsPointers() {
        TriggerForm form = formWithQueue();
        TriggerForm.QueueRow queue = form.getQueues().get(0);
        queue.setTimeout("later");
        queue.getParameters().get(1).setName("queue");
        queue.getParameters().get(1).setValue("again");
        queue.addConnDetail();
        queue.getConnDetails().get(1).setValue("orphan");

        assertThat(form.toDraft().problems())
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder(
                        "/message_broker_queues/0/timeout_secs",
                        "/message_broker_queues/0/parameters/queue",
                        "/message_broker_queues/0/conn_details");
    }

    @Test
    void eachQueuePointerFindsItsFieldAndLabel() {
        TriggerForm form = formWithQueue();

        assertThat(FieldPlace.of(form, "/message_broker_queues/0/name").field()).isEqualTo("queues:0:name");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/timeout_secs").field())
                .isEqualTo("queues:0:timeout");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/parameters/queue")
                        .field())
                .isEqualTo("queues:0:parameters:0:value");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/parameters/topic")
                        .field())
                .isEqualTo("queues:0:parameterList");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/parameters").field())
                .isEqualTo("queues:0:parameterList");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/conn_details/password")
                        .field())
                .isEqualTo("queues:0:connDetails:0:value");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/conn_details").field())
                .isEqualTo("queues:0:connDetailList");
        assertThat(FieldPlace.of(form, "/message_broker_queues/7/parameters/queue")
                        .field())
                .isEqualTo("queues:7:parameterList");

        assertThat(FieldPlace.of(form, "/message_broker_queues/0/name").label()).isEqualTo("Queue 1: broker");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/timeout_secs").label())
                .isEqualTo("Queue 1: timeout");
        assertThat(FieldPlace.of(form, "/message_broker_queues/1/parameters/topic")
                        .label())
                .isEqualTo("Queue 2: parameter 'topic'");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/parameters").label())
                .isEqualTo("Queue 1: parameters");
        assertThat(FieldPlace.of(form, "/message_broker_queues/0/conn_details/password")
                        .label())
                .isEqualTo("Queue 1: connection detail 'password'");
        assertThat(FieldPlace.of(form, "/message_broker_queues").label()).isEqualTo("Message broker queues");
    }

    @Test
    void theBrokersOfTheSettingsAreOfferedByNameWithTheirTypeAndAStoredUndefinedOneStays() {
        var brokers = java.util.Map.of(
                "it-redis", new BrokerDefinition("it-redis", "redis", java.util.Map.of(), java.util.Map.of()),
                "it-rabbit",
                        new BrokerDefinition(
                                "it-rabbit", "rabbitmq", java.util.Map.of("password", "guest"), java.util.Map.of()));

        assertThat(TriggerForm.brokerChoices(brokers, ""))
                .containsExactly(
                        new TriggerForm.BrokerChoice("it-rabbit", "it-rabbit (rabbitmq)"),
                        new TriggerForm.BrokerChoice("it-redis", "it-redis (redis)"));
        assertThat(TriggerForm.brokerChoices(brokers, "gone"))
                .extracting(TriggerForm.BrokerChoice::label)
                .containsExactly("it-rabbit (rabbitmq)", "it-redis (redis)", "gone (not defined in settings)");
    }

    @Test
    void queueRowsAreAddedAndRemovedWithoutLosingTheOthers() {
        TriggerForm form = formWithQueue();
        form.addQueue();
        form.getQueues().get(1).setName("it-redis");
        form.getQueues().get(1).removeParameter(0);
        form.getQueues().get(1).removeConnDetail(3);
        form.removeQueue(0);
        form.removeQueue(5);

        assertThat(form.getQueues()).extracting(TriggerForm.QueueRow::getName).containsExactly("it-redis");
        assertThat(form.getQueues().get(0).getParameters()).isEmpty();
    }

    @Test
    void rowsAreAddedAndRemovedWithoutLosingTheOthers() {
        TriggerForm form = seedForm();
        form.addWebhook();
        form.getWebhooks().get(1).setUrl("http://second");
        form.removeWebhook(0);
        form.removeWebhook(5);

        assertThat(form.getWebhooks())
                .extracting(TriggerForm.WebhookRow::getUrl)
                .containsExactly("http://second");
    }

    @Test
    void filterTimesAreReadAsUtc() {
        assertThat(TimeInput.parse("2026-11-29 17:00")).hasValue(Instant.parse("2026-11-29T17:00:00Z"));
        assertThat(TimeInput.parse("2026-11-29T17:00:00Z")).hasValue(Instant.parse("2026-11-29T17:00:00Z"));
        assertThat(TimeInput.parse("2026-11-29 17:00:05 UTC")).hasValue(Instant.parse("2026-11-29T17:00:05Z"));
        assertThat(TimeInput.parse("2026-11-29")).hasValue(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(TimeInput.parse(" ")).isEmpty();
        assertThatThrownBy(() -> TimeInput.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday' is not a time");
    }

    @Test
    void aConditionIsReadAsJsonShownPrettyAndItsProblemsGoNextToIt() {
        TriggerForm form = seedForm();
        assertThat(form.toDraft().draft().condition()).isNull();
        form.setCondition("{\"field\": \"quantity\", \"gt\": 2}");
        assertThat(form.toDraft().draft().condition().asJsonObject().getInt("gt"))
                .isEqualTo(2);
        form.setCondition("quantity > 2");
        assertThat(form.toDraft().problems()).extracting(Violation::pointer).containsExactly("/condition");

        Config config = new Config();
        config.setCondition(jakarta.json.Json.createObjectBuilder()
                .add("field", "status")
                .add("changed_to", "completed")
                .build());
        assertThat(TriggerForm.of(config).getCondition()).contains("\"changed_to\": \"completed\"");
        assertThat(TriggerForm.of(new Config()).getCondition()).isEmpty();

        assertThat(FieldPlace.of(form, "/condition")).isEqualTo(new FieldPlace("condition", "Condition"));
        assertThat(FieldPlace.of(form, "/condition/all/1/gt"))
                .isEqualTo(new FieldPlace("condition", "Condition at /all/1/gt:"));
    }
}
