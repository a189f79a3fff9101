-- 0005: daily cost insight on the day a declaration was received, and what explainability needs.
--
-- The day: a declaration message counts on the Dutch calendar day (Europe/Amsterdam) on which the ledger first stored
-- it (declaration_messages.received_at): "the amount received that day". The Dagtekening is the provider's own date
-- on the message; daily_costs (0001) keeps counting on it, unchanged. All lines of a message count on one day, even
-- when a large message is stored in several batches or redelivered after midnight: the first receipt wins.
--
-- Every table here is maintained by PostgresDeclarationLedger in the transaction that stores the lines, and filled
-- below from the lines already in the ledger, so `sdstream reconcile` finds them equal from the start.

-- Declaration messages and their receipt -------------------------------------------------------------------------------

CREATE TABLE declaration_messages (
    message_id         text        PRIMARY KEY,
    standard           text        NOT NULL CHECK (standard IN ('ijw', 'iwmo')),
    municipality_code  text        NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
    provider_agb       text        NOT NULL CHECK (provider_agb ~ '^[0-9]{8}$'),
    declaratie_nummer  text        NOT NULL,
    dagtekening        date        NOT NULL,
    received_at        timestamptz NOT NULL,
    received_day       date        NOT NULL
);

CREATE INDEX declaration_messages_by_day ON declaration_messages (received_day, municipality_code, provider_agb);

COMMENT ON TABLE declaration_messages IS
    'Every declaration message the ledger received, once per message_id: when it was first stored. Its lines count on received_day in daily_insight.';
COMMENT ON COLUMN declaration_messages.received_at IS 'When the ledger first stored a line of the message (UTC); a redelivery keeps the first moment.';
COMMENT ON COLUMN declaration_messages.received_day IS 'received_at as a Dutch calendar day (Europe/Amsterdam): the day the message''s amounts count on in daily_insight.';

-- Lines by message: the drill-down from a day's total to its messages and lines, and reconcile per received day.
CREATE INDEX declaration_lines_by_message ON declaration_lines (message_id);
-- From a debit to the credit that cancels it (credits are a few per cent of the lines, hence partial).
CREATE INDEX declaration_lines_credits ON declaration_lines (provider_agb, standard, vorig_referentie_nummer)
    WHERE vorig_referentie_nummer IS NOT NULL;

-- Daily insight ------------------------------------------------------------------------------------------------------

CREATE TABLE daily_insight (
    day                date   NOT NULL,
    municipality_code  text   NOT NULL,
    provider_agb       text   NOT NULL,
    product_categorie  text   NOT NULL,
    standard           text   NOT NULL,
    service_month      date   NOT NULL CHECK (extract(day FROM service_month) = 1),
    eenheid            text   NOT NULL,
    amount_cents       bigint NOT NULL,
    line_count         int    NOT NULL,
    volume             bigint NOT NULL,
    PRIMARY KEY (day, municipality_code, provider_agb, product_categorie, standard, service_month, eenheid)
);

CREATE INDEX daily_insight_by_municipality ON daily_insight (municipality_code, day);
CREATE INDEX daily_insight_by_provider ON daily_insight (provider_agb, day);

COMMENT ON TABLE daily_insight IS
    'Amount and volume received per day (declaration_messages.received_day) x contract x product category x standard x service month x unit. Equals the ledger grouped the same way (sdstream reconcile).';
COMMENT ON COLUMN daily_insight.day IS 'The Dutch calendar day the declaration message was received (declaration_messages.received_day).';
COMMENT ON COLUMN daily_insight.service_month IS 'First day of the month of the line''s ProductPeriode (a ProductPeriode lies within one month).';
COMMENT ON COLUMN daily_insight.amount_cents IS 'Sum of the lines'' amount_cents: a credit reduces the day it arrives on and the service month it refers to.';
COMMENT ON COLUMN daily_insight.line_count IS 'Number of ledger lines summed, debit and credit lines alike.';
COMMENT ON COLUMN daily_insight.volume IS 'Sum of GeleverdVolume in eenheid; a credit line (amount_cents < 0) subtracts its volume.';

CREATE TABLE daily_clients (
    day                date NOT NULL,
    municipality_code  text NOT NULL,
    provider_agb       text NOT NULL,
    product_categorie  text NOT NULL,
    standard           text NOT NULL,
    client_pseudonym   text NOT NULL,
    PRIMARY KEY (day, municipality_code, provider_agb, product_categorie, standard, client_pseudonym)
);

CREATE INDEX daily_clients_by_municipality ON daily_clients (municipality_code, day);

COMMENT ON TABLE daily_clients IS
    'Which clients (pseudonyms) had at least one line, debit or credit, received per day x contract x category x standard. Distinct counts do not add up over days, so they are counted from here: per day count(*), year to date count(DISTINCT client_pseudonym).';

-- Fill from the ledger as it stands: a message was received when its first line was stored.

INSERT INTO declaration_messages (message_id, standard, municipality_code, provider_agb, declaratie_nummer, dagtekening, received_at, received_day)
SELECT message_id, min(standard), min(municipality_code), min(provider_agb), min(declaratie_nummer), min(dagtekening),
       min(stored_at), (min(stored_at) AT TIME ZONE 'Europe/Amsterdam')::date
FROM declaration_lines
GROUP BY message_id;

INSERT INTO daily_insight (day, municipality_code, provider_agb, product_categorie, standard, service_month, eenheid, amount_cents, line_count, volume)
SELECT m.received_day, l.municipality_code, l.provider_agb, l.product_categorie, l.standard, date_trunc('month', l.period_begin)::date, l.eenheid,
       sum(l.amount_cents), count(*), sum(CASE WHEN l.amount_cents < 0 THEN -l.geleverd_volume ELSE l.geleverd_volume END)
FROM declaration_lines AS l
JOIN declaration_messages AS m USING (message_id)
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO daily_clients (day, municipality_code, provider_agb, product_categorie, standard, client_pseudonym)
SELECT DISTINCT m.received_day, l.municipality_code, l.provider_agb, l.product_categorie, l.standard, l.client_pseudonym
FROM declaration_lines AS l
JOIN declaration_messages AS m USING (message_id);

-- Reporting views ----------------------------------------------------------------------------------------------------

CREATE VIEW reporting.daily_insight AS
WITH per_day AS (
    SELECT day, municipality_code, provider_agb, product_categorie, standard,
           sum(amount_cents)::bigint AS amount_cents, sum(line_count)::bigint AS line_count
    FROM daily_insight
    GROUP BY day, municipality_code, provider_agb, product_categorie, standard
),
clients AS (
    SELECT day, municipality_code, provider_agb, product_categorie, standard, count(*) AS client_count
    FROM daily_clients
    GROUP BY day, municipality_code, provider_agb, product_categorie, standard
),
-- A client counts towards the year-to-date from the first day of the year it appears on.
first_days AS (
    SELECT min(day) AS day, municipality_code, provider_agb, product_categorie, standard
    FROM daily_clients
    GROUP BY municipality_code, provider_agb, product_categorie, standard, extract(year FROM day), client_pseudonym
),
new_clients AS (
    SELECT day, municipality_code, provider_agb, product_categorie, standard, count(*) AS new_client_count
    FROM first_days
    GROUP BY day, municipality_code, provider_agb, product_categorie, standard
)
SELECT p.day, p.municipality_code, p.provider_agb, p.product_categorie, p.standard, p.amount_cents, p.line_count,
       coalesce(c.client_count, 0)::bigint AS client_count,
       (sum(p.amount_cents) OVER ytd)::bigint AS ytd_amount_cents,
       (sum(p.line_count) OVER ytd)::bigint AS ytd_line_count,
       (sum(coalesce(n.new_client_count, 0)) OVER ytd)::bigint AS ytd_client_count
FROM per_day AS p
LEFT JOIN clients AS c USING (day, municipality_code, provider_agb, product_categorie, standard)
LEFT JOIN new_clients AS n USING (day, municipality_code, provider_agb, product_categorie, standard)
WINDOW ytd AS (PARTITION BY p.municipality_code, p.provider_agb, p.product_categorie, p.standard, extract(year FROM p.day) ORDER BY p.day);

COMMENT ON VIEW reporting.daily_insight IS
    'Per day received (Europe/Amsterdam) x municipality x provider x product category x standard: amount, lines, distinct clients, and the same from 1 January of that day''s year up to and including the day (ytd_*).';

CREATE VIEW reporting.daily_insight_by_service_month AS
SELECT day, municipality_code, provider_agb, product_categorie, standard, service_month, eenheid, amount_cents, line_count, volume
FROM daily_insight;

COMMENT ON VIEW reporting.daily_insight_by_service_month IS
    'The amount received per day broken down by service month (month of the ProductPeriode) and unit (eenheid), with the declared volume in that unit; credits negative.';

CREATE VIEW reporting.declaration_messages AS
SELECT message_id, standard, municipality_code, provider_agb, declaratie_nummer, dagtekening, received_at, received_day
FROM declaration_messages;

COMMENT ON VIEW reporting.declaration_messages IS 'Declaration messages with the moment and Dutch day they were received; join reporting.declaration_lines on message_id.';

CREATE VIEW reporting.line_signals AS
SELECT provider_agb, standard, referentie_nummer, rule, message_id, municipality_code, toewijzing_nummer, explanation, opened_at, resolved_at
FROM line_signals;

COMMENT ON VIEW reporting.line_signals IS 'Findings about declaration lines (rule codes); open while resolved_at is null. A signal never changes a declared total.';

GRANT SELECT ON reporting.daily_insight, reporting.daily_insight_by_service_month, reporting.declaration_messages, reporting.line_signals TO sd_datateam;
