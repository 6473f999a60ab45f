package org.actiontriggers.console;

import static org.actiontriggers.trigger.ConfigField.ACTIVE;
import static org.actiontriggers.trigger.ConfigField.CONDITION;
import static org.actiontriggers.trigger.ConfigField.CONFIG_SIGNALS;
import static org.actiontriggers.trigger.ConfigField.CONN_DETAILS;
import static org.actiontriggers.trigger.ConfigField.CONTENT_TYPES;
import static org.actiontriggers.trigger.ConfigField.HEADERS;
import static org.actiontriggers.trigger.ConfigField.HTTP_METHOD;
import static org.actiontriggers.trigger.ConfigField.MESSAGE_BROKER_QUEUES;
import static org.actiontriggers.trigger.ConfigField.MSG_BROKER_QUEUES;
import static org.actiontriggers.trigger.ConfigField.NAME;
import static org.actiontriggers.trigger.ConfigField.PARAMETERS;
import static org.actiontriggers.trigger.ConfigField.PAYLOAD;
import static org.actiontriggers.trigger.ConfigField.TIMEOUT_SECS;
import static org.actiontriggers.trigger.ConfigField.URL;
import static org.actiontriggers.trigger.ConfigField.WEBHOOKS;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.actiontriggers.record.PayloadPreview;
import org.actiontriggers.trigger.ConfigField;

/**
 * Where a violation shows on the trigger form: the input its JSON pointer concerns and the label its message
 * begins with. The pointer is read through the document's own vocabulary ({@link ConfigField}), and one table
 * per list of rows says which input and label each field of a row has.
 *
 * @param field the id, relative to the form, of the input it concerns, e.g. {@code webhooks:0:url} for
 *     {@code /webhooks/0/url}; {@code null} when it concerns the form as a whole
 * @param label what the field is called on the form, e.g. {@code Webhook 1: URL}
 */
public record FieldPlace(String field, String label) {

    private static final FieldPlace WHOLE_FORM = new FieldPlace(null, "The trigger");

    /** The inputs of the document's top-level fields, and of the preview's. */
    private static final Map<String, FieldPlace> TOP_LEVEL = Map.ofEntries(
            Map.entry(ACTIVE.toString(), new FieldPlace("active", "Active")),
            Map.entry(PAYLOAD.toString(), new FieldPlace("payload", "Payload")),
            Map.entry(CONDITION.toString(), new FieldPlace("condition", "Condition")),
            Map.entry(CONFIG_SIGNALS.toString(), new FieldPlace("signals", "Signals")),
            Map.entry(CONTENT_TYPES.toString(), new FieldPlace("contentTypes", "Entity types")),
            Map.entry(PayloadPreview.ENTITY_TYPE, new FieldPlace("previewType", "Entity type")),
            Map.entry(PayloadPreview.ENTITY_ID, new FieldPlace("previewId", "Entity id")));

    /**
     * One input of a webhook's or queue's row. Key/value inputs (headers, parameters, connection details) are a
     * list of entries, one per key: {@code entry} labels one of them, and the list's id and label are those of
     * the entry in the plural ({@code headerList}, {@code headers}).
     */
    private record Column<R>(
            String id, String label, String entry, Function<R, List<TriggerForm.KeyValueRow>> entries) {

        static <R> Column<R> of(String id, String label) {
            return new Column<>(id, label, null, null);
        }

        /** Entries whose inputs are {@code <id>:<k>:value}, e.g. {@code headers:0:value}. */
        static <R> Column<R> entries(String id, String entry, Function<R, List<TriggerForm.KeyValueRow>> entries) {
            return new Column<>(id, entry + "s", entry, entries);
        }

        String list() {
            return id.substring(0, id.length() - 1) + "List";
        }
    }

    /**
     * The rows of a list of the document — webhooks or queues — on the form: the id and label of the list and
     * of a row, the row's inputs by the document's field, and the input a pointer to any other field goes to.
     */
    private record RowList<R>(
            String listId,
            String listLabel,
            String rowId,
            String rowLabel,
            Map<ConfigField, Column<R>> columns,
            String otherwise,
            Function<TriggerForm, List<R>> rows) {}

    private static final RowList<TriggerForm.WebhookRow> WEBHOOK_ROWS = new RowList<>(
            "webhookList",
            "Webhooks",
            "webhooks",
            "Webhook",
            Map.ofEntries(
                    Map.entry(URL, Column.of("url", "URL")),
                    Map.entry(HTTP_METHOD, Column.of("method", "method")),
                    Map.entry(TIMEOUT_SECS, Column.of("timeout", "timeout")),
                    Map.entry(HEADERS, Column.entries("headers", "header", TriggerForm.WebhookRow::getHeaders))),
            "url",
            TriggerForm::getWebhooks);

    private static final RowList<TriggerForm.QueueRow> QUEUE_ROWS = new RowList<>(
            "queueList",
            "Message broker queues",
            "queues",
            "Queue",
            Map.ofEntries(
                    Map.entry(NAME, Column.of("name", "broker")),
                    Map.entry(TIMEOUT_SECS, Column.of("timeout", "timeout")),
                    Map.entry(
                            PARAMETERS, Column.entries("parameters", "parameter", TriggerForm.QueueRow::getParameters)),
                    Map.entry(
                            CONN_DETAILS,
                            Column.entries("connDetails", "connection detail", TriggerForm.QueueRow::getConnDetails))),
            "name",
            TriggerForm::getQueues);

    /** Where a violation at this JSON pointer shows on the form. */
    public static FieldPlace of(TriggerForm form, String pointer) {
        String[] steps = steps(pointer);
        if (steps.length == 0) {
            return WHOLE_FORM;
        }
        ConfigField field = ConfigField.of(steps[0]).orElse(null);
        if (field == WEBHOOKS) {
            return placeIn(form, WEBHOOK_ROWS, steps);
        }
        if (field == MESSAGE_BROKER_QUEUES || field == MSG_BROKER_QUEUES) {
            return placeIn(form, QUEUE_ROWS, steps);
        }
        if (field == PAYLOAD && steps.length > 1) {
            return new FieldPlace("payload", "Payload field '" + steps[steps.length - 1] + "'");
        }
        if (field == CONDITION && steps.length > 1) {
            return new FieldPlace("condition", "Condition at " + pointer.substring(("/" + CONDITION).length()) + ":");
        }
        return TOP_LEVEL.getOrDefault(steps[0], WHOLE_FORM);
    }

    private static <R> FieldPlace placeIn(TriggerForm form, RowList<R> list, String[] steps) {
        if (steps.length < 3) {
            return new FieldPlace(list.listId(), list.listLabel());
        }
        String row = list.rowId() + ":" + steps[1] + ":";
        String label = list.rowLabel() + " " + (index(steps[1]) + 1);
        Column<R> column = ConfigField.of(steps[2]).map(list.columns()::get).orElse(null);
        if (column == null) {
            return new FieldPlace(row + list.otherwise(), label);
        }
        label += ": ";
        if (column.entries() == null) {
            return new FieldPlace(row + column.id(), label + column.label());
        }
        if (steps.length < 4) {
            return new FieldPlace(row + column.list(), label + column.label());
        }
        String key = steps[3];
        label += column.entry() + " '" + key + "'";
        int index = index(steps[1]);
        List<R> rows = list.rows().apply(form);
        if (index >= 0 && index < rows.size()) {
            List<TriggerForm.KeyValueRow> entries = column.entries().apply(rows.get(index));
            for (int k = 0; k < entries.size(); k++) {
                if (key.equals(trim(entries.get(k).getName()))) {
                    return new FieldPlace(row + column.id() + ":" + k + ":value", label);
                }
            }
        }
        return new FieldPlace(row + column.list(), label);
    }

    /** The unescaped steps of a JSON pointer (RFC 6901). */
    private static String[] steps(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return new String[0];
        }
        String[] steps = pointer.substring(1).split("/", -1);
        for (int i = 0; i < steps.length; i++) {
            steps[i] = steps[i].replace("~1", "/").replace("~0", "~");
        }
        return steps;
    }

    private static int index(String step) {
        try {
            return Integer.parseInt(step);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
