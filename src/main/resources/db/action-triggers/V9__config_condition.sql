-- Action Triggers schema, version 9: a config's optional condition (issue #17, "changes"), the JSON document of
-- the condition language that says which changes fire it. NULL: every change fires it, as before.
-- Checked and limited (16384 characters) when written; parsed once when the active configs are loaded.

ALTER TABLE action_triggers_config ADD COLUMN condition_json VARCHAR(65536);
