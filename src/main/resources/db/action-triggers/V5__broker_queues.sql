-- Action Triggers schema, version 5: message broker queues, a second kind of delivery besides webhooks.

-- Django Action Triggers' MessageBrokerQueue: name refers to a broker defined in MicroProfile Config
-- (action-triggers.brokers.<name>.*); conn_details and parameters (JSON objects of strings) override it.
CREATE SEQUENCE action_triggers_broker_queue_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE action_triggers_broker_queue (
    id           BIGINT PRIMARY KEY,
    config_id    BIGINT NOT NULL REFERENCES action_triggers_config (id) ON DELETE CASCADE,
    name         VARCHAR(255) NOT NULL,
    conn_details VARCHAR(65536),
    parameters   VARCHAR(65536),
    timeout_secs DOUBLE PRECISION
);
CREATE INDEX action_triggers_broker_queue_config ON action_triggers_broker_queue (config_id);

-- A delivery row is a webhook request (kind WEBHOOK: webhook_id, http_method, url, headers, as before) or a
-- broker message (kind BROKER: broker_queue_id, broker_name, and the queue's overrides as templates, resolved
-- at send time). Existing rows are webhook rows. url holds broker:<name> for a broker message, for the log.
ALTER TABLE action_triggers_delivery ADD COLUMN kind VARCHAR(10) DEFAULT 'WEBHOOK' NOT NULL;
ALTER TABLE action_triggers_delivery ADD COLUMN broker_queue_id BIGINT;
ALTER TABLE action_triggers_delivery ADD COLUMN broker_name VARCHAR(255);
ALTER TABLE action_triggers_delivery ADD COLUMN broker_conn VARCHAR(65536);
ALTER TABLE action_triggers_delivery ADD COLUMN broker_params VARCHAR(65536);
ALTER TABLE action_triggers_delivery ALTER COLUMN webhook_id DROP NOT NULL;
ALTER TABLE action_triggers_delivery ALTER COLUMN http_method DROP NOT NULL;
CREATE INDEX action_triggers_delivery_broker_stream
    ON action_triggers_delivery (broker_queue_id, entity_type, entity_id, created_at);
