-- 0004: allocations as received, and signals about declaration lines checked across messages.

CREATE TABLE allocation_versions (
    standard           text        NOT NULL CHECK (standard IN ('ijw', 'iwmo')),
    municipality_code  text        NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
    toewijzing_nummer  bigint      NOT NULL,
    toewijzingsdatum   date        NOT NULL,
    toewijzingstijd    time        NOT NULL,
    provider_agb       text        NOT NULL CHECK (provider_agb ~ '^[0-9]{8}$'),
    client_pseudonym   text        NOT NULL CHECK (client_pseudonym ~ '^[0-9a-fA-F]{16,}$'),
    product_categorie  text,
    product_code       text,
    ingangsdatum       date        NOT NULL,
    einddatum          date,
    deleted            boolean     NOT NULL,
    volume             bigint,
    eenheid            text,
    frequentie         text,
    budget_cents       bigint,
    message_id         text        NOT NULL,
    stored_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (standard, municipality_code, toewijzing_nummer, toewijzingsdatum, toewijzingstijd)
);

CREATE INDEX allocation_versions_by_contract ON allocation_versions (municipality_code, provider_agb);

COMMENT ON TABLE allocation_versions IS
    'Every version of every allocation (ToegewezenProduct of a 301) as received. The current version of an allocation is the one with the latest toewijzingsdatum + toewijzingstijd; deleted = RedenWijziging 13.';
COMMENT ON COLUMN allocation_versions.client_pseudonym IS 'Keyed HMAC of the BSN, hex. Never the BSN itself.';

CREATE INDEX declaration_lines_by_allocation ON declaration_lines (municipality_code, provider_agb, standard, toewijzing_nummer);

CREATE TABLE line_signals (
    provider_agb       text        NOT NULL,
    standard           text        NOT NULL,
    referentie_nummer  text        NOT NULL,
    rule               text        NOT NULL,
    message_id         text        NOT NULL,
    municipality_code  text        NOT NULL,
    toewijzing_nummer  bigint      NOT NULL,
    explanation        text        NOT NULL,
    opened_at          timestamptz NOT NULL DEFAULT now(),
    resolved_at        timestamptz,
    PRIMARY KEY (provider_agb, standard, referentie_nummer, rule, message_id)
);

CREATE INDEX line_signals_open ON line_signals (municipality_code, provider_agb, rule) WHERE resolved_at IS NULL;

COMMENT ON TABLE line_signals IS
    'Findings about declaration lines checked across messages (no allocation, outside its period, product mismatch, a ReferentieNummer reused by another message, a credit of an unknown debit). A signal never changes the declared totals. Open while resolved_at is null.';
COMMENT ON COLUMN line_signals.message_id IS 'The message whose line the finding is about (for a reused ReferentieNummer: the later message, whose line was not stored).';
