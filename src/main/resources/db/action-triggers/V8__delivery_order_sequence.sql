-- Action Triggers schema, version 8: the order of an entity's deliveries comes from a database sequence, not
-- from the clock of the instance that recorded them (created_at): instances whose clocks disagree, or one
-- whose clock jumps, cannot reorder an ordered config's events.

CREATE SEQUENCE action_triggers_delivery_order_seq START WITH 1 INCREMENT BY 1;
ALTER TABLE action_triggers_delivery ADD COLUMN seq BIGINT;

-- Rows still to be sent keep their recorded order, below every new row: ranked by (created_at, id), newest -1.
UPDATE action_triggers_delivery SET seq = -(
    SELECT COUNT(*) FROM action_triggers_delivery o
    WHERE o.state IN ('PENDING', 'IN_FLIGHT')
      AND (o.created_at > action_triggers_delivery.created_at
           OR (o.created_at = action_triggers_delivery.created_at AND o.id >= action_triggers_delivery.id)))
WHERE state IN ('PENDING', 'IN_FLIGHT');
-- Finished rows take part in no order (a redelivery is a new send); they only need a value.
UPDATE action_triggers_delivery SET seq = -9000000000000000000 WHERE seq IS NULL;

-- Filled by the database on every insert, whichever code path inserts.
ALTER TABLE action_triggers_delivery ALTER COLUMN seq SET DEFAULT nextval('action_triggers_delivery_order_seq');
ALTER TABLE action_triggers_delivery ALTER COLUMN seq SET NOT NULL;
CREATE INDEX action_triggers_delivery_sequence ON action_triggers_delivery (webhook_id, entity_type, entity_id, seq);
