package org.actiontriggers.console;

import static org.actiontriggers.trigger.ConfigField.CONDITION;
import static org.actiontriggers.trigger.ConfigField.CONN_DETAILS;
import static org.actiontriggers.trigger.ConfigField.HEADERS;
import static org.actiontriggers.trigger.ConfigField.MESSAGE_BROKER_QUEUES;
import static org.actiontriggers.trigger.ConfigField.PARAMETERS;
import static org.actiontriggers.trigger.ConfigField.PAYLOAD;
import static org.actiontriggers.trigger.ConfigField.TIMEOUT_SECS;
import static org.actiontriggers.trigger.ConfigField.WEBHOOKS;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.actiontriggers.secret.SecretMasker;
import org.actiontriggers.settings.BrokerDefinition;
import org.actiontriggers.trigger.BrokerQueueDraft;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigDraft;
import org.actiontriggers.trigger.ConfigField;
import org.actiontriggers.trigger.HeaderRules;
import org.actiontriggers.trigger.MessageBrokerQueue;
import org.actiontriggers.trigger.Violation;
import org.actiontriggers.trigger.Webhook;
import org.actiontriggers.trigger.WebhookDraft;

/**
 * What the trigger form holds, field by field as typed, and its translation into the {@link ConfigDraft} the
 * services validate — so the console needs no rule of its own: it only turns text into values (a number of
 * seconds, a JSON payload) and reports what it could not turn, with the same kind of {@link Violation} the
 * validator uses; {@link FieldPlace} tells which of its inputs a violation's pointer concerns.
 *
 * <p>Header values and queue connection details of a stored trigger are shown masked, as the API shows them;
 * a value sent back unchanged keeps the stored one ({@code ConfigService#replace}).
 */
public class TriggerForm implements Serializable {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;

    private boolean active = true;
    private List<String> contentTypes = new ArrayList<>();
    private List<String> signals = new ArrayList<>();
    private String payload = "";
    private String condition = "";
    private final List<WebhookRow> webhooks = new ArrayList<>();
    private final List<QueueRow> queues = new ArrayList<>();

    /** A draft, or why the form could not be read as one (then the draft is only good for more checks). */
    public record Drafted(ConfigDraft draft, List<Violation> problems) {}

    /** A broker an admin may choose for a queue: its name, and a label that also shows its type. */
    public record BrokerChoice(String name, String label) implements Serializable {}

    /**
     * The brokers defined in settings, by name, as choices for a queue's broker; a stored queue's broker that
     * settings no longer define stays among them, so the form shows it and the validator names the problem.
     */
    public static List<BrokerChoice> brokerChoices(Map<String, BrokerDefinition> brokers, String current) {
        List<BrokerChoice> choices = new ArrayList<>(brokers.values().stream()
                .sorted(java.util.Comparator.comparing(BrokerDefinition::name))
                .map(b -> new BrokerChoice(b.name(), b.name() + " (" + b.type() + ")"))
                .toList());
        if (current != null && !current.isBlank() && !brokers.containsKey(current)) {
            choices.add(new BrokerChoice(current, current + " (not defined in settings)"));
        }
        return choices;
    }

    /** An empty form with one webhook row and no queue. */
    public static TriggerForm blank() {
        TriggerForm form = new TriggerForm();
        form.addWebhook();
        return form;
    }

    /** A stored trigger in the form, credentials masked. */
    public static TriggerForm of(Config config) {
        TriggerForm form = new TriggerForm();
        form.active = config.isActive();
        form.contentTypes = new ArrayList<>(config.getContentTypes());
        form.signals = new ArrayList<>(config.getConfigSignals().stream()
                .map(s -> s.getSignal().value())
                .toList());
        JsonValue template = config.payloadTemplate();
        form.payload = template == null
                ? ""
                : template instanceof jakarta.json.JsonString text ? text.getString() : pretty(template);
        String storedCondition = config.getCondition();
        try {
            JsonValue json = config.conditionJson();
            form.condition = json == null ? "" : pretty(json);
        } catch (JsonException e) {
            form.condition = storedCondition;
        }
        for (Webhook webhook : config.getWebhooks()) {
            WebhookRow row = new WebhookRow();
            row.url = webhook.getUrl();
            row.method = webhook.getHttpMethod().name();
            row.timeout = webhook.getTimeoutSecs() == null ? "" : seconds(webhook.getTimeoutSecs());
            webhook.getHeaders().forEach((name, value) -> {
                KeyValueRow header = new KeyValueRow();
                header.name = name;
                header.value = SecretMasker.mask(name, value);
                row.headers.add(header);
            });
            form.webhooks.add(row);
        }
        for (MessageBrokerQueue queue : config.getBrokerQueues()) {
            QueueRow row = new QueueRow();
            row.name = queue.getName();
            row.timeout = queue.getTimeoutSecs() == null ? "" : seconds(queue.getTimeoutSecs());
            queue.getParameters().forEach((key, value) -> row.parameters.add(KeyValueRow.of(key, value)));
            queue.getConnDetails()
                    .forEach((key, value) -> row.connDetails.add(KeyValueRow.of(key, SecretMasker.mask(key, value))));
            form.queues.add(row);
        }
        return form;
    }

    /** The form as a draft; problems name what could not be read, at the pointer the validator would use. */
    public Drafted toDraft() {
        List<Violation> problems = new ArrayList<>();
        List<WebhookDraft> drafts = new ArrayList<>();
        for (int i = 0; i < webhooks.size(); i++) {
            WebhookRow row = webhooks.get(i);
            Map<String, String> headers = new LinkedHashMap<>();
            for (KeyValueRow header : row.headers) {
                String name = trim(header.name);
                String value = header.value == null ? "" : header.value;
                if (name.isEmpty()) {
                    if (!value.isBlank()) {
                        problems.add(Violation.at("a header with a value needs a name", WEBHOOKS, i, HEADERS));
                    }
                    continue;
                }
                if (headers.containsKey(name)) {
                    // two rows of one name cannot both be drafted; names that differ in case are the validator's
                    problems.add(Violation.at(
                            HeaderRules.duplicateProblem(name, headers.keySet()).orElseThrow(),
                            WEBHOOKS,
                            i,
                            HEADERS,
                            name));
                    continue;
                }
                headers.put(name, value);
            }
            drafts.add(
                    new WebhookDraft(trim(row.url), row.method, headers, timeout(row.timeout, problems, WEBHOOKS, i)));
        }
        List<BrokerQueueDraft> queueDrafts = new ArrayList<>();
        for (int i = 0; i < queues.size(); i++) {
            QueueRow row = queues.get(i);
            queueDrafts.add(new BrokerQueueDraft(
                    trim(row.name),
                    entries(row.connDetails, problems, i, CONN_DETAILS),
                    entries(row.parameters, problems, i, PARAMETERS),
                    timeout(row.timeout, problems, MESSAGE_BROKER_QUEUES, i)));
        }
        ConfigDraft draft = new ConfigDraft(
                active,
                payload(problems),
                List.copyOf(signals),
                contentTypes.stream().map(ConfigDraft.ContentTypeDraft::of).toList(),
                drafts,
                queueDrafts,
                condition(problems));
        return new Drafted(draft, List.copyOf(problems));
    }

    /** A queue's key/value rows as a map; blank rows are left out, a value without a key or a key twice reported. */
    private static Map<String, String> entries(
            List<KeyValueRow> rows, List<Violation> problems, int queue, ConfigField field) {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValueRow row : rows) {
            String key = trim(row.name);
            String value = row.value == null ? "" : row.value;
            if (key.isEmpty()) {
                if (!value.isBlank()) {
                    problems.add(Violation.at("need a key for each value", MESSAGE_BROKER_QUEUES, queue, field));
                }
                continue;
            }
            if (values.containsKey(key)) {
                problems.add(Violation.at("is given twice", MESSAGE_BROKER_QUEUES, queue, field, key));
                continue;
            }
            values.put(key, value);
        }
        return values;
    }

    private JsonValue payload(List<Violation> problems) {
        String text = payload == null ? "" : payload.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return JSON.createValue(payload);
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            problems.add(Violation.at(
                    "is not valid JSON (" + firstLine(e.getMessage())
                            + "); write a JSON object of templates, or text that does not start with { or [",
                    PAYLOAD));
            return null;
        }
    }

    /** The condition as JSON; empty is none. Anything that is not JSON is reported, never taken as an expression. */
    private JsonValue condition(List<Violation> problems) {
        String text = condition == null ? "" : condition.strip();
        if (text.isEmpty()) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            problems.add(Violation.at(
                    "is not valid JSON (" + firstLine(e.getMessage())
                            + "); write a JSON object such as {\"field\": \"status\", \"equals\": \"completed\"},"
                            + " or leave it empty for every change",
                    CONDITION));
            return null;
        }
    }

    private static Double timeout(String text, List<Violation> problems, ConfigField list, int row) {
        String t = trim(text);
        if (t.isEmpty()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(t);
            if (Double.isFinite(seconds)) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Violation.at("must be a number of seconds, e.g. 10 or 2.5", list, row, TIMEOUT_SECS));
        return null;
    }

    private static String pretty(JsonValue value) {
        var out = new java.io.StringWriter();
        try (var writer = JSON.createWriterFactory(Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip();
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }

    public void addWebhook() {
        WebhookRow row = new WebhookRow();
        row.addHeader();
        webhooks.add(row);
    }

    public void removeWebhook(int index) {
        if (index >= 0 && index < webhooks.size()) {
            webhooks.remove(index);
        }
    }

    /** A queue row with one empty parameter row, the key/value a queue most often needs. */
    public void addQueue() {
        QueueRow row = new QueueRow();
        row.addParameter();
        queues.add(row);
    }

    public void removeQueue(int index) {
        if (index >= 0 && index < queues.size()) {
            queues.remove(index);
        }
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<String> getContentTypes() {
        return contentTypes;
    }

    public void setContentTypes(List<String> contentTypes) {
        this.contentTypes = contentTypes == null ? new ArrayList<>() : new ArrayList<>(contentTypes);
    }

    public List<String> getSignals() {
        return signals;
    }

    public void setSignals(List<String> signals) {
        this.signals = signals == null ? new ArrayList<>() : new ArrayList<>(signals);
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    /** The condition as typed: JSON in the condition language, or empty for every change. */
    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public List<WebhookRow> getWebhooks() {
        return webhooks;
    }

    public List<QueueRow> getQueues() {
        return queues;
    }

    /** One webhook of the form. */
    public static class WebhookRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String url = "";
        private String method = "POST";
        private String timeout = "";
        private final List<KeyValueRow> headers = new ArrayList<>();

        public void addHeader() {
            headers.add(new KeyValueRow());
        }

        public void removeHeader(int index) {
            if (index >= 0 && index < headers.size()) {
                headers.remove(index);
            }
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        }

        public String getTimeout() {
            return timeout;
        }

        public void setTimeout(String timeout) {
            this.timeout = timeout;
        }

        public List<KeyValueRow> getHeaders() {
            return headers;
        }
    }

    /** One message broker queue of the form: a broker defined in settings and what it overrides. */
    public static class QueueRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name = "";
        private String timeout = "";
        private final List<KeyValueRow> parameters = new ArrayList<>();
        private final List<KeyValueRow> connDetails = new ArrayList<>();

        public void addParameter() {
            parameters.add(new KeyValueRow());
        }

        public void removeParameter(int index) {
            if (index >= 0 && index < parameters.size()) {
                parameters.remove(index);
            }
        }

        public void addConnDetail() {
            connDetails.add(new KeyValueRow());
        }

        public void removeConnDetail(int index) {
            if (index >= 0 && index < connDetails.size()) {
                connDetails.remove(index);
            }
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getTimeout() {
            return timeout;
        }

        public void setTimeout(String timeout) {
            this.timeout = timeout;
        }

        public List<KeyValueRow> getParameters() {
            return parameters;
        }

        public List<KeyValueRow> getConnDetails() {
            return connDetails;
        }
    }

    /** One name/value row: a webhook header, or a queue's parameter or connection detail. */
    public static class KeyValueRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name = "";
        private String value = "";

        static KeyValueRow of(String name, String value) {
            KeyValueRow row = new KeyValueRow();
            row.name = name;
            row.value = value;
            return row;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }
}
