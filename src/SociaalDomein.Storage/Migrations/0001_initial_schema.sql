-- 0001: the walking skeleton's schema.
-- Codes are text with a format check rather than char(n): char pads short values with spaces instead of refusing
-- them, and comparing it with text parameters silently skips its indexes.

-- The ledger ----------------------------------------------------------------------------------------------------------

CREATE TABLE declaration_lines (
    seq                      bigserial   PRIMARY KEY,
    standard                 text        NOT NULL CHECK (standard IN ('ijw', 'iwmo')),
    municipality_code        text        NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
    provider_agb             text        NOT NULL CHECK (provider_agb ~ '^[0-9]{8}$'),
    referentie_nummer        text        NOT NULL,
    vorig_referentie_nummer  text,
    declaratie_nummer        text        NOT NULL,
    message_id               text        NOT NULL,
    dagtekening              date        NOT NULL,
    toewijzing_nummer        bigint      NOT NULL,
    product_categorie        text        NOT NULL,
    product_code             text        NOT NULL,
    period_begin             date        NOT NULL,
    period_end               date        NOT NULL,
    year                     int         NOT NULL GENERATED ALWAYS AS (extract(year FROM period_begin)::int) STORED,
    geleverd_volume          bigint      NOT NULL,
    eenheid                  text        NOT NULL,
    tariff_cents             bigint,
    amount_cents             bigint      NOT NULL,
    client_pseudonym         text        NOT NULL CHECK (client_pseudonym ~ '^[0-9a-fA-F]{16,}$'),
    source_topic             text        NOT NULL,
    source_partition         int         NOT NULL,
    source_offset            bigint      NOT NULL,
    stored_at                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT declaration_lines_once UNIQUE (provider_agb, standard, referentie_nummer),
    CONSTRAINT declaration_lines_period CHECK (period_end >= period_begin)
);

CREATE INDEX declaration_lines_by_contract ON declaration_lines (municipality_code, provider_agb, seq);

COMMENT ON TABLE declaration_lines IS
    'The ledger: every accepted declaration line (prestatie), stored once per (provider_agb, standard, referentie_nummer). Every total is a sum of these rows.';
COMMENT ON COLUMN declaration_lines.seq IS 'Ledger position; per contract it increases in commit order (appends take a per-contract lock).';
COMMENT ON COLUMN declaration_lines.standard IS 'iStandaard: ijw (Jeugdwet) or iwmo (Wmo 2015).';
COMMENT ON COLUMN declaration_lines.municipality_code IS 'CBS gemeentecode, 4 digits.';
COMMENT ON COLUMN declaration_lines.provider_agb IS 'AGB code of the provider (zorgaanbieder), 8 digits.';
COMMENT ON COLUMN declaration_lines.vorig_referentie_nummer IS 'For a credit line: the ReferentieNummer of the line it corrects.';
COMMENT ON COLUMN declaration_lines.message_id IS 'Identity of the declaration message the line came in, e.g. ijw:323:12345678:D-2026-05.';
COMMENT ON COLUMN declaration_lines.dagtekening IS 'Dagtekening of the declaration message: the day the cost counts on in daily_costs.';
COMMENT ON COLUMN declaration_lines.year IS 'Budget year: the year the product period starts.';
COMMENT ON COLUMN declaration_lines.amount_cents IS 'Eurocents, signed: debit positive, credit negative.';
COMMENT ON COLUMN declaration_lines.client_pseudonym IS 'Keyed HMAC of the BSN, hex. Never the BSN itself.';
COMMENT ON COLUMN declaration_lines.source_topic IS 'Kafka topic, partition and offset of the record the line came from, to find the raw message.';

-- Daily cost insight --------------------------------------------------------------------------------------------------

CREATE TABLE daily_costs (
    day                date   NOT NULL,
    municipality_code  text   NOT NULL,
    provider_agb       text   NOT NULL,
    product_categorie  text   NOT NULL,
    standard           text   NOT NULL,
    amount_cents       bigint NOT NULL,
    line_count         int    NOT NULL,
    PRIMARY KEY (day, municipality_code, provider_agb, product_categorie, standard)
);

COMMENT ON TABLE daily_costs IS
    'Declared costs per day, contract, product category and standard. Maintained in the same transaction as declaration_lines, so it always equals the ledger grouped the same way.';
COMMENT ON COLUMN daily_costs.day IS 'The declaration message''s Dagtekening.';
COMMENT ON COLUMN daily_costs.amount_cents IS 'Sum of the lines'' amount_cents (credits included, so it can be negative).';
COMMENT ON COLUMN daily_costs.line_count IS 'Number of ledger lines summed, debit and credit lines alike.';

-- Alerts (and their Kafka outbox) -------------------------------------------------------------------------------------

CREATE TABLE alerts (
    id                     text        PRIMARY KEY,
    kind                   text        NOT NULL,
    severity               text        NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    municipality_code      text        NOT NULL,
    provider_agb           text        NOT NULL,
    year                   int         NOT NULL,
    product_categorie      text,
    threshold_percent      int,
    declared_cents         bigint      NOT NULL,
    ceiling_cents          bigint,
    triggering_message_id  text,
    description            text        NOT NULL,
    raised_at              timestamptz NOT NULL,
    published_at           timestamptz
);

CREATE INDEX alerts_unpublished ON alerts (raised_at, id) WHERE published_at IS NULL;

COMMENT ON TABLE alerts IS
    'Alerts for contract managers, stored once per id (ids are derived from the facts, so a replay adds nothing). Rows with published_at NULL are the outbox still to be sent to Kafka.';
COMMENT ON COLUMN alerts.product_categorie IS 'NULL: the alert concerns all product categories together.';
COMMENT ON COLUMN alerts.published_at IS 'When the alert was published to the alerts topic; NULL while it waits in the outbox.';

-- Budget ceilings -----------------------------------------------------------------------------------------------------

CREATE TABLE ceilings (
    municipality_code  text        NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
    provider_agb       text        NOT NULL CHECK (provider_agb ~ '^[0-9]{8}$'),
    year               int         NOT NULL,
    product_categorie  text        NOT NULL DEFAULT '',
    ceiling_cents      bigint      NOT NULL CHECK (ceiling_cents >= 0),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_code, provider_agb, year, product_categorie)
);

COMMENT ON TABLE ceilings IS 'Budget ceilings (budgetplafonds) per contract and year; replaced when a contract is amended.';
COMMENT ON COLUMN ceilings.product_categorie IS 'Empty string: the ceiling covers all product categories together (a primary key column cannot be NULL).';

-- Message traffic -----------------------------------------------------------------------------------------------------

CREATE TABLE message_log (
    source_topic       text        NOT NULL,
    source_partition   int         NOT NULL,
    source_offset      bigint      NOT NULL,
    status             text        NOT NULL CHECK (status IN ('accepted', 'dead_lettered')),
    message_id         text,
    standard           text,
    message_type       int,
    municipality_code  text,
    provider_agb       text,
    line_count         int,
    reason             text,
    rule               text,
    element            text,
    logged_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_topic, source_partition, source_offset),
    CONSTRAINT message_log_accepted_has_id CHECK (status <> 'accepted' OR message_id IS NOT NULL),
    CONSTRAINT message_log_dead_letter_has_reason CHECK (status <> 'dead_lettered' OR reason IS NOT NULL)
);

COMMENT ON TABLE message_log IS
    'Every consumed Kafka record and what became of it, once per source position: for message-traffic health and reconciling counts.';
COMMENT ON COLUMN message_log.message_id IS 'Message identity; a message redelivered at another offset has the same one.';
COMMENT ON COLUMN message_log.rule IS 'For a dead-lettered record: the validation rule it broke, and the element it broke it in.';

-- Orleans grain state -------------------------------------------------------------------------------------------------

CREATE TABLE grain_state (
    grain_type  text        NOT NULL,
    grain_id    text        NOT NULL,
    state_name  text        NOT NULL,
    state       bytea,
    etag        bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_id, state_name)
);

COMMENT ON TABLE grain_state IS 'Orleans grain state written by PostgresGrainStorage, serialised by the silo''s grain storage serializer.';
COMMENT ON COLUMN grain_state.state_name IS 'The [PersistentState] name: one grain can keep several states.';
COMMENT ON COLUMN grain_state.state IS 'NULL after the grain cleared its state; the row stays so the etag keeps counting.';
COMMENT ON COLUMN grain_state.etag IS 'Version for optimistic concurrency: a write must name the version it read, and increments it.';
