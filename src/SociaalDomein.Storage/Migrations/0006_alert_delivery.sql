-- 0006: alert delivery to contract managers: who wants which alerts by which channel, and what was delivered.

CREATE TABLE alert_subscriptions (
    id               text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    owner_key_id     text,
    municipalities   text[]      NOT NULL DEFAULT '{}',
    providers        text[]      NOT NULL DEFAULT '{}',
    kinds            text[]      NOT NULL DEFAULT '{}',
    min_severity     text        NOT NULL DEFAULT 'info' CHECK (min_severity IN ('info', 'warning', 'critical')),
    webhook_url      text,
    webhook_secret   text,
    email            text,
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    updated_by       text        NOT NULL,
    CHECK (webhook_url IS NOT NULL OR email IS NOT NULL),
    CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
);

CREATE INDEX alert_subscriptions_by_owner ON alert_subscriptions (owner_key_id, id);

COMMENT ON TABLE alert_subscriptions IS
    'A contract manager''s subscription to alerts: which municipalities, providers, kinds and lowest severity (an empty list means all), delivered by webhook and/or e-mail. Managed by an admin through /api/subscriptions.';
COMMENT ON COLUMN alert_subscriptions.owner_key_id IS 'Id of the contract manager''s API key (Api:Keys:{id}) that may read this subscription; NULL: admins only.';
COMMENT ON COLUMN alert_subscriptions.webhook_secret IS 'Shared secret for the HMAC-SHA256 signature of webhook calls. Never returned by the API; not in any reporting view.';
COMMENT ON COLUMN alert_subscriptions.active IS 'false: nothing is delivered any more. Subscriptions are deactivated, never deleted, so the delivery log keeps its meaning.';

CREATE TABLE alert_deliveries (
    subscription_id  text        NOT NULL REFERENCES alert_subscriptions (id),
    alert_id         text        NOT NULL,
    revision         int         NOT NULL CHECK (revision >= 1),
    channel          text        NOT NULL CHECK (channel IN ('webhook', 'email')),
    change           text        NOT NULL CHECK (change IN ('raised', 'updated', 'resolved')),
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_error       text,
    PRIMARY KEY (subscription_id, alert_id, revision, channel)
);

CREATE INDEX alert_deliveries_by_time ON alert_deliveries (subscription_id, last_attempt_at DESC);

COMMENT ON TABLE alert_deliveries IS
    'One row per subscription x alert revision x channel: delivery is done once (delivered) or given up (failed) and never repeated, even when the alert topic is read again.';
COMMENT ON COLUMN alert_deliveries.status IS 'pending: being delivered (attempts so far are counted); delivered; failed: given up after a permanent refusal or the last attempt.';
COMMENT ON COLUMN alert_deliveries.last_error IS 'Why the last attempt failed (HTTP status or SMTP reply), never a payload.';
