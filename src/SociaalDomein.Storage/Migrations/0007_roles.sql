-- Least-privilege database roles.
--
-- The migrations run as the owner of the schema (the role in the connection string when the schema is created or
-- upgraded). The running hosts should not: they log in as a role that is a member of sd_app, which may read and write
-- the rows of every table but cannot DROP, ALTER, TRUNCATE or CREATE anything. The data team's sd_datateam (0003) reads
-- the reporting views only, never a base table.
--
-- Roles belong to the whole server while migrations run per database, so the roles may exist already. NOLOGIN: grant
-- them to login roles (CREATE ROLE sd_host LOGIN PASSWORD '…' IN ROLE sd_app), see docs/reliability.md.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sd_app') THEN
        CREATE ROLE sd_app NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sd_datateam') THEN
        CREATE ROLE sd_datateam NOLOGIN;
    END IF;
END
$$;

-- Nobody but the owner creates objects in the schemas (PostgreSQL 15 already revokes this from PUBLIC on public).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA reporting FROM PUBLIC;

-- The app role: rows of every table there is now ...
GRANT USAGE ON SCHEMA public TO sd_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sd_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO sd_app;
GRANT USAGE ON SCHEMA reporting TO sd_app;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO sd_app;
-- ... except the migration record, which the host only reads (to see that the schema is up to date).
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM sd_app;

-- ... and of every table a later migration adds: default privileges of the role that runs the migrations (the owner),
-- so 0008 and later need no grant of their own.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sd_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO sd_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO sd_app, sd_datateam;

-- The data team: the reporting views, nothing in public (0003 granted nothing there; make sure no one else did).
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM sd_datateam;
GRANT USAGE ON SCHEMA reporting TO sd_datateam;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO sd_datateam;
