-- Action Triggers schema, version 3: Standard Webhooks signing. Secrets are stored only encrypted
-- (AES-256-GCM under action-triggers.secret-encryption-key); during a rotation's grace period the previous
-- secret signs too. Webhooks saved before this version get a generated secret at start-up.

ALTER TABLE action_triggers_webhook ADD COLUMN signing_enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE action_triggers_webhook ADD COLUMN signing_secret VARCHAR(512);
ALTER TABLE action_triggers_webhook ADD COLUMN previous_signing_secret VARCHAR(512);
ALTER TABLE action_triggers_webhook ADD COLUMN previous_signing_secret_until TIMESTAMP WITH TIME ZONE;
