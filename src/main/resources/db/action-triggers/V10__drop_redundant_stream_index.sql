-- Action Triggers schema, version 10: the (webhook_id, entity_type, entity_id, created_at) index of version 2 has
-- served no query since version 8 ordered an entity's deliveries by seq. The wait for an older change of the same
-- entity and destination compares seq; PostgreSQL's plan for it reads action_triggers_delivery_entity, and the
-- first three columns of the dropped index are those of action_triggers_delivery_sequence. Every insert, and on
-- PostgreSQL every claim and finish (a change of state is no HOT update: it adds an entry to every index), kept
-- it up to date for nothing.

DROP INDEX action_triggers_delivery_stream;
