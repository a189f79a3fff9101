-- 0009: region-wide ceilings are created and changed through the API too, audited in the same trail as the contract
-- ceilings (ceiling_changes): a row names either a contract (municipality_code) or a region (region_code), never both,
-- and a regional row also records the participating municipalities before and after.

ALTER TABLE ceiling_changes
    ALTER COLUMN municipality_code DROP NOT NULL,
    ADD COLUMN region_code       text,
    ADD COLUMN old_participants  text[],
    ADD COLUMN new_participants  text[],
    ADD CONSTRAINT ceiling_changes_contract_or_region CHECK (
        (municipality_code IS NOT NULL AND region_code IS NULL AND new_participants IS NULL AND old_participants IS NULL)
        OR (municipality_code IS NULL AND region_code IS NOT NULL AND new_participants IS NOT NULL));

CREATE INDEX ceiling_changes_by_region ON ceiling_changes (region_code, provider_agb, year) WHERE region_code IS NOT NULL;

COMMENT ON COLUMN ceiling_changes.municipality_code IS 'The contract''s municipality; NULL for a region-wide ceiling (see region_code).';
COMMENT ON COLUMN ceiling_changes.region_code IS 'The region of a region-wide ceiling (regional_ceilings); NULL for a contract ceiling.';
COMMENT ON COLUMN ceiling_changes.old_participants IS 'Region-wide ceiling: the participating CBS codes before the change; NULL when the change created it.';
COMMENT ON COLUMN ceiling_changes.new_participants IS 'Region-wide ceiling: the participating CBS codes after the change.';
