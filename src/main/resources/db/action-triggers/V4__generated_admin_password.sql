-- The hash of an admin password generated on the first start without action-triggers.admin.password-hash:
-- kept so that the password, shown once, keeps working across restarts and on every instance.
CREATE TABLE action_triggers_generated_password (
    username      VARCHAR(255) PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
