-- 0008: the full monitoring model: alerts with a lifecycle (raised, updated, resolved) and an event outbox,
-- start/stop reports of care per allocation, and the answers the message traffic waits for (lead times).

-- Alerts: one row per alert id holding its current state; every change is an event in alert_events. ---------------------

ALTER TABLE alerts
    ADD COLUMN status         text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    ADD COLUMN revision       int         NOT NULL DEFAULT 1,
    ADD COLUMN figure_actual  bigint,
    ADD COLUMN figure_limit   bigint,
    ADD COLUMN figure_unit    text,
    ADD COLUMN figure_basis   text,
    ADD COLUMN updated_at     timestamptz,
    ADD COLUMN resolved_at    timestamptz;

COMMENT ON COLUMN alerts.status IS 'open while the condition holds; resolved once it no longer holds (a contract manager''s acknowledgement is separate).';
COMMENT ON COLUMN alerts.revision IS 'Number of the latest change of this alert: 1 when raised, +1 per update or resolution.';
COMMENT ON COLUMN alerts.figure_actual IS 'The measured figure (eurocent, volume, date as yyyymmdd, ...; see figure_unit).';
COMMENT ON COLUMN alerts.figure_limit IS 'The limit the figure is held against, in the same unit.';
COMMENT ON COLUMN alerts.figure_basis IS 'How the figures were made: the forecast method, the rule code, the term.';
COMMENT ON COLUMN alerts.raised_at IS 'When the alert was raised (its first revision).';

CREATE TABLE alert_events (
    seq           bigserial   PRIMARY KEY,
    alert_id      text        NOT NULL REFERENCES alerts (id),
    revision      int         NOT NULL,
    change        text        NOT NULL CHECK (change IN ('raised', 'updated', 'resolved')),
    severity      text        NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    declared_cents bigint     NOT NULL,
    ceiling_cents  bigint,
    figure_actual bigint,
    figure_limit  bigint,
    figure_unit   text,
    figure_basis  text,
    triggering_message_id text,
    description   text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    published_at  timestamptz,
    UNIQUE (alert_id, revision)
);

CREATE INDEX alert_events_unpublished ON alert_events (seq) WHERE published_at IS NULL;

COMMENT ON TABLE alert_events IS
    'Every change of every alert (raised, updated, resolved), keyed by alert id and revision, so that a replay adds nothing. Rows with published_at NULL are the outbox still to be sent to Kafka.';

-- The skeleton's alerts were their own outbox: carry what was not yet published over as revision-1 events.
INSERT INTO alert_events (alert_id, revision, change, severity, declared_cents, ceiling_cents, triggering_message_id,
                          description, occurred_at, published_at)
SELECT id, 1, 'raised', severity, declared_cents, ceiling_cents, triggering_message_id, description, raised_at, published_at
FROM alerts;

DROP INDEX alerts_unpublished;
ALTER TABLE alerts DROP COLUMN published_at;

COMMENT ON TABLE alerts IS
    'Alerts for contract managers: the current state of each alert id (ids are derived from the facts, so a replay adds nothing). The history of changes is alert_events.';

CREATE OR REPLACE VIEW reporting.alerts AS
SELECT a.id, a.kind, a.severity, a.municipality_code, a.provider_agb, a.year, a.product_categorie, a.threshold_percent,
       a.declared_cents, a.ceiling_cents, a.triggering_message_id, a.description, a.raised_at,
       a.status,
       k.acknowledged_at,
       a.revision, a.figure_actual, a.figure_limit, a.figure_unit, a.figure_basis, a.updated_at, a.resolved_at
FROM alerts AS a
LEFT JOIN alert_acknowledgements AS k ON k.alert_id = a.id;

COMMENT ON VIEW reporting.alerts IS 'Alerts raised for contract managers; status is open while the condition holds, resolved once it no longer does. acknowledged_at: when a contract manager acknowledged it.';

-- Start and stop of care (305, 307) per allocation. ------------------------------------------------------------------

CREATE TABLE care_reports (
    standard           text        NOT NULL CHECK (standard IN ('ijw', 'iwmo')),
    municipality_code  text        NOT NULL,
    provider_agb       text        NOT NULL,
    toewijzing_nummer  bigint      NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('start', 'stop')),
    begindatum         date        NOT NULL,
    einddatum          date,
    reden_beeindiging  text,
    definitive         boolean     NOT NULL DEFAULT false,
    deleted            boolean     NOT NULL DEFAULT false,
    received_on        date        NOT NULL,
    message_id         text        NOT NULL,
    stored_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (standard, municipality_code, toewijzing_nummer, kind, begindatum, message_id)
);

CREATE INDEX care_reports_by_contract ON care_reports (municipality_code, provider_agb);

COMMENT ON TABLE care_reports IS
    'Start (305) and stop (307) of care per allocation, as reported by the provider. A stop with definitive = true ends the care for good: later declarations are signalled (SD-STOP). deleted: StatusAanlevering 3.';
COMMENT ON COLUMN care_reports.received_on IS 'Dagtekening of the 305/307: the day the report counts as received.';

-- Answers the message traffic waits for. -----------------------------------------------------------------------------

CREATE TABLE awaited_answers (
    municipality_code  text        NOT NULL,
    provider_agb       text        NOT NULL,
    rule               text        NOT NULL CHECK (rule IN ('request-answer', 'allocation-without-start', 'declaration-answer', 'start-report', 'stop-report')),
    reference          text        NOT NULL,
    start_day          date,
    message_id         text,
    answered_on        date,
    answer_message_id  text,
    PRIMARY KEY (municipality_code, provider_agb, rule, reference)
);

CREATE INDEX awaited_answers_open ON awaited_answers (municipality_code, provider_agb) WHERE answered_on IS NULL;

COMMENT ON TABLE awaited_answers IS
    'Time limits of the message traffic: a 315/317 awaiting a 301 or 319 (reference = ReferentieAanbieder), a 301 awaiting its 305 (reference = standard:ToewijzingNummer), a 323 awaiting its 325 (reference = message id); start-report/stop-report rows record how long a 305/307 took after the start/end of care.';
COMMENT ON COLUMN awaited_answers.start_day IS 'The day the term runs from; NULL while only the answer has arrived.';
COMMENT ON COLUMN awaited_answers.answered_on IS 'The day of the earliest answer; NULL while none has arrived.';

-- Region-wide ceilings. -----------------------------------------------------------------------------------------------

CREATE TABLE regional_ceilings (
    region_code        text        NOT NULL CHECK (region_code ~ '^[A-Za-z][A-Za-z0-9_-]{0,31}$'),
    provider_agb       text        NOT NULL CHECK (provider_agb ~ '^[0-9]{8}$'),
    year               int         NOT NULL,
    product_categorie  text        NOT NULL DEFAULT '',
    ceiling_cents      bigint      NOT NULL CHECK (ceiling_cents > 0),
    participants       text[]      NOT NULL CHECK (cardinality(participants) > 0),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, provider_agb, year, product_categorie)
);

COMMENT ON TABLE regional_ceilings IS
    'Ceilings agreed with a provider for the whole region: held against the sum declared by the municipalities that take part in that contract (participants, CBS codes). Other municipalities declaring at the provider are reported beside it, never counted.';
COMMENT ON COLUMN regional_ceilings.product_categorie IS 'Empty string: all product categories together.';
