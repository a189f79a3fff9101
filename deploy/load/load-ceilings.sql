-- Loads the generator's ceilings.csv (municipality,provider,year,ceiling_eur,category) into the ceilings table, before
-- the load profile publishes its messages: contract grains read their ceilings when they activate.
CREATE TEMPORARY TABLE generated_ceilings (municipality text, provider text, year int, ceiling_eur numeric, category text);
\copy generated_ceilings FROM '/scenario/ceilings.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO ceilings (municipality_code, provider_agb, year, product_categorie, ceiling_cents)
SELECT municipality, provider, year, coalesce(category, ''), round(ceiling_eur * 100)::bigint
FROM generated_ceilings
ON CONFLICT (municipality_code, provider_agb, year, product_categorie) DO UPDATE
    SET ceiling_cents = excluded.ceiling_cents, updated_at = now();
