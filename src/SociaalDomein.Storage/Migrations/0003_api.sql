-- 0003: what the HTTP API and the data team need: acknowledgements of alerts, the audit trail of ceiling changes,
-- indexes for the API's filters, and the stable reporting views with a read-only role.

-- Alert acknowledgements ----------------------------------------------------------------------------------------------

CREATE TABLE alert_acknowledgements (
    alert_id         text        PRIMARY KEY,
    acknowledged_by  text        NOT NULL,
    note             text        NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    acknowledged_at  timestamptz NOT NULL
);

COMMENT ON TABLE alert_acknowledgements IS
    'A contract manager''s acknowledgement of an alert, with a note; an alert with a row here is resolved. Only the first acknowledgement is kept.';
-- No foreign key to alerts: tools that empty alerts (TRUNCATE) must not have to know about this table; the API only
-- acknowledges alerts it finds.
COMMENT ON COLUMN alert_acknowledgements.acknowledged_by IS 'Id of the API key that acknowledged (Api:Keys:{id}), never the key itself.';

-- Audit trail of ceiling changes --------------------------------------------------------------------------------------

CREATE TABLE ceiling_changes (
    id                 bigserial   PRIMARY KEY,
    municipality_code  text        NOT NULL,
    provider_agb       text        NOT NULL,
    year               int         NOT NULL,
    product_categorie  text        NOT NULL,
    old_ceiling_cents  bigint,
    new_ceiling_cents  bigint      NOT NULL,
    changed_by         text        NOT NULL,
    reason             text,
    changed_at         timestamptz NOT NULL
);

CREATE INDEX ceiling_changes_by_contract ON ceiling_changes (municipality_code, provider_agb, year);

COMMENT ON TABLE ceiling_changes IS
    'Every ceiling created or changed through the API: who (API key id) set what (old and new amount) when, and why. Written in the same transaction as the ceiling.';
COMMENT ON COLUMN ceiling_changes.product_categorie IS 'Empty string: the ceiling for all product categories together (as in ceilings).';
COMMENT ON COLUMN ceiling_changes.old_ceiling_cents IS 'NULL when the change created the ceiling.';

-- Indexes for the API's filters ---------------------------------------------------------------------------------------

CREATE INDEX daily_costs_by_provider ON daily_costs (provider_agb, day);
CREATE INDEX daily_costs_by_municipality ON daily_costs (municipality_code, day);
CREATE INDEX declaration_lines_by_provider_year ON declaration_lines (provider_agb, year, dagtekening);
CREATE INDEX message_log_accepted_by_message ON message_log (message_id) WHERE status = 'accepted';
CREATE INDEX message_log_by_time ON message_log (logged_at);
CREATE INDEX alerts_by_time ON alerts (raised_at DESC, id);

-- Reporting views for the data team -----------------------------------------------------------------------------------
-- The tables may change shape between releases; these views keep their columns. Add columns at the end, never rename.

CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'Stable, read-only views for the data team (role sd_datateam). See docs/data-model.md.';

CREATE VIEW reporting.daily_totals AS
SELECT day, municipality_code, provider_agb, product_categorie, standard, amount_cents, line_count
FROM daily_costs;

COMMENT ON VIEW reporting.daily_totals IS
    'Declared cost per day (the declaration''s Dagtekening) x municipality x provider x product category x standard; equals the ledger grouped the same way.';

CREATE VIEW reporting.contract_year_to_date AS
SELECT municipality_code, provider_agb, year,
       coalesce(d.declared_cents, 0)::bigint AS declared_cents,
       c.ceiling_cents,
       CASE WHEN c.ceiling_cents > 0 THEN round(coalesce(d.declared_cents, 0) * 100.0 / c.ceiling_cents, 1) END AS ceiling_use_percent,
       coalesce(d.line_count, 0)::bigint AS line_count,
       d.last_dagtekening
FROM (
    SELECT municipality_code, provider_agb, year, sum(amount_cents) AS declared_cents, count(*) AS line_count,
           max(dagtekening) AS last_dagtekening
    FROM declaration_lines
    GROUP BY municipality_code, provider_agb, year
) AS d
FULL JOIN (
    SELECT municipality_code, provider_agb, year, ceiling_cents FROM ceilings WHERE product_categorie = ''
) AS c USING (municipality_code, provider_agb, year);

COMMENT ON VIEW reporting.contract_year_to_date IS
    'Per contract (municipality x provider) and budget year: declared so far (debit - credit) against the ceiling for all categories; contracts with a ceiling and no lines yet are included.';

CREATE VIEW reporting.alerts AS
SELECT a.id, a.kind, a.severity, a.municipality_code, a.provider_agb, a.year, a.product_categorie, a.threshold_percent,
       a.declared_cents, a.ceiling_cents, a.triggering_message_id, a.description, a.raised_at,
       CASE WHEN k.alert_id IS NULL THEN 'open' ELSE 'resolved' END AS status,
       k.acknowledged_at
FROM alerts AS a
LEFT JOIN alert_acknowledgements AS k ON k.alert_id = a.id;

COMMENT ON VIEW reporting.alerts IS 'Alerts raised for contract managers; status is resolved once a contract manager acknowledged the alert.';

CREATE VIEW reporting.declaration_lines AS
SELECT seq, standard, municipality_code, provider_agb, year, referentie_nummer, vorig_referentie_nummer, declaratie_nummer,
       message_id, dagtekening, toewijzing_nummer, product_categorie, product_code, period_begin, period_end,
       geleverd_volume, eenheid, tariff_cents, amount_cents, client_pseudonym, source_topic, source_partition,
       source_offset, stored_at
FROM declaration_lines;

COMMENT ON VIEW reporting.declaration_lines IS
    'The line ledger. The client is only a keyed HMAC pseudonym of the BSN (client_pseudonym): lines of one client can be linked, the person cannot be named.';

CREATE VIEW reporting.ceilings AS
SELECT municipality_code, provider_agb, year, nullif(product_categorie, '') AS product_categorie, ceiling_cents, updated_at
FROM ceilings;

COMMENT ON VIEW reporting.ceilings IS 'Budget ceilings; product_categorie NULL means all categories together.';

-- The data team's read-only role --------------------------------------------------------------------------------------
-- Roles belong to the whole server while migrations run per database, so the role may exist already.
-- NOLOGIN: grant it to the data team's own login roles (GRANT sd_datateam TO alice).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sd_datateam') THEN
        CREATE ROLE sd_datateam NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- created by a migration of another database at the same moment
END
$$;

REVOKE ALL ON SCHEMA reporting FROM PUBLIC;
GRANT USAGE ON SCHEMA reporting TO sd_datateam;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO sd_datateam;
