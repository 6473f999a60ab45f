package org.actiontriggers.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.actiontriggers.config.Violation;
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
        form.getWebhooks().get(0).getHeaders().get(1).setName("authorization");
        form.getWebhooks().get(0).getHeaders().get(1).setValue("again");

        List<Violation> problems = form.toDraft().problems();

        assertThat(problems)
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/payload", "/webhooks/0/timeout_secs", "/webhooks/0/headers/authorization");
        assertThat(problems).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
    }

    @Test
    void eachPointerFindsItsFieldAndLabel() {
        TriggerForm form = seedForm();

        assertThat(form.fieldOf("/webhooks/0/url")).isEqualTo("webhooks:0:url");
        assertThat(form.fieldOf("/webhooks/0/http_method")).isEqualTo("webhooks:0:method");
        assertThat(form.fieldOf("/webhooks/0/timeout_secs")).isEqualTo("webhooks:0:timeout");
        assertThat(form.fieldOf("/webhooks/0/headers/Authorization")).isEqualTo("webhooks:0:headers:0:value");
        assertThat(form.fieldOf("/webhooks/0/headers")).isEqualTo("webhooks:0:headerList");
        assertThat(form.fieldOf("/webhooks")).isEqualTo("webhookList");
        assertThat(form.fieldOf("/payload/quantity")).isEqualTo("payload");
        assertThat(form.fieldOf("/config_signals/0/signal")).isEqualTo("signals");
        assertThat(form.fieldOf("/content_types/0/model")).isEqualTo("contentTypes");
        assertThat(form.fieldOf("/entity_id")).isEqualTo("previewId");
        assertThat(form.fieldOf("")).isNull();
        assertThat(form.fieldOf("/message_broker_queues")).isNull();

        assertThat(form.labelOf("/webhooks/0/url")).isEqualTo("Webhook 1: URL");
        assertThat(form.labelOf("/webhooks/1/headers/X-Key")).isEqualTo("Webhook 2: header 'X-Key'");
        assertThat(form.labelOf("/payload/quantity")).isEqualTo("Payload field 'quantity'");
        assertThat(form.labelOf("/content_types/0/model")).isEqualTo("Entity types");
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
}
