-- Action Triggers schema, version 6: delivery policy per destination (issue #16) — circuit breaker,
-- auto-disable, rate limit and in-flight cap. One row per destination: a webhook (by id) or a message broker
-- (by its name in the settings, shared by all its queues). The row is created when a destination first needs
-- one (its first failure, a limit, an admin's disable); a destination without a row is healthy and unlimited.
-- It is in the database so that every instance honours it and a restart keeps it; the claim transaction
-- reads it and takes tokens under a short row lock, never held across a send.

CREATE TABLE action_triggers_destination (
    -- webhook:<id> or broker:<name>; the API and the console address a destination by it
    destination        VARCHAR(300) PRIMARY KEY,
    kind               VARCHAR(10) NOT NULL,
    webhook_id         BIGINT,
    broker_name        VARCHAR(255),
    -- CLOSED (deliveries flow), OPEN (they wait; one probe at a time when next_probe_at is due),
    -- DISABLED (they wait until an admin re-enables the destination or drops them)
    breaker            VARCHAR(20) NOT NULL,
    -- failed rounds in a row since the last success; the breaker opens at action-triggers.breaker.failure-threshold
    failed_rounds      INT DEFAULT 0 NOT NULL,
    -- the first failure after the last success: what the auto-disable period is measured from
    failing_since      TIMESTAMP WITH TIME ZONE,
    opened_at          TIMESTAMP WITH TIME ZONE,
    next_probe_at      TIMESTAMP WITH TIME ZONE,
    probe_interval_ms  BIGINT,
    -- the delivery sent as the current probe: only its outcome moves an open breaker
    probe_id           VARCHAR(36),
    disabled_at        TIMESTAMP WITH TIME ZONE,
    disabled_reason    VARCHAR(2000),
    -- the highest share of the disable period (50, 70, 90) an alert was raised for in this failing stretch
    alerted_percent    INT DEFAULT 0 NOT NULL,
    last_success_at    TIMESTAMP WITH TIME ZONE,
    last_failure_at    TIMESTAMP WITH TIME ZONE,
    last_status        INT,
    last_error         VARCHAR(2000),
    -- token bucket of the rate limit (tokens left at tokens_at); in-flight requests of all instances
    rate_tokens        DOUBLE PRECISION,
    tokens_at          TIMESTAMP WITH TIME ZONE,
    in_flight          INT DEFAULT 0 NOT NULL,
    -- out of tokens or in-flight slots: its deliveries are not even candidates of a claim until then
    throttled_until    TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX action_triggers_destination_webhook ON action_triggers_destination (webhook_id);
CREATE UNIQUE INDEX action_triggers_destination_broker ON action_triggers_destination (broker_name);

-- A webhook's optional limits, DAT document extension fields rate_limit (requests per second) and
-- max_in_flight (requests at once), across all instances; NULL is no limit.
ALTER TABLE action_triggers_webhook ADD COLUMN rate_limit DOUBLE PRECISION;
ALTER TABLE action_triggers_webhook ADD COLUMN max_in_flight INT;
