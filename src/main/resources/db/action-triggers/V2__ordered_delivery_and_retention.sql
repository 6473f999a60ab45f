-- Action Triggers schema, version 2: per-config ordered delivery, and the retention cleanup.

-- A config may ask that one webhook receives the events of one entity in the order they were recorded.
-- The delivery row carries the flag so that the claim needs no join and a later config edit cannot reorder
-- events that already happened.
ALTER TABLE action_triggers_config ADD COLUMN ordered BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE action_triggers_delivery ADD COLUMN ordered BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX action_triggers_delivery_stream ON action_triggers_delivery (webhook_id, entity_type, entity_id, created_at);

-- Retention deletes finished deliveries by completion time; rows that failed when recorded (their payload did
-- not render) had none until now.
UPDATE action_triggers_delivery SET completed_at = created_at WHERE state = 'FAILED' AND completed_at IS NULL;
CREATE INDEX action_triggers_delivery_completed ON action_triggers_delivery (completed_at);
