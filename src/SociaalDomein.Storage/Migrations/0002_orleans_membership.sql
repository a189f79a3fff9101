-- 0002: Orleans cluster membership, read and written by SociaalDomein.Storage.Clustering.
-- Silos find each other here, and clients find the silos' gateways. Every row is scoped by the Orleans ClusterId.
-- Optimistic concurrency: every membership change names the etag of the table version it read and replaces it,
-- so two silos that read the same version cannot both write (see PostgresMembershipTable).

CREATE TABLE orleans_membership_version (
    cluster_id  text        PRIMARY KEY CHECK (cluster_id <> ''),
    version     int         NOT NULL CHECK (version >= 0),
    etag        uuid        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE orleans_membership_version IS
    'Version of the Orleans membership table of one cluster. Every change to its members bumps the version and replaces the etag, atomically with the change.';
COMMENT ON COLUMN orleans_membership_version.version IS 'Orleans TableVersion.Version: increases with every membership change.';
COMMENT ON COLUMN orleans_membership_version.etag IS 'Orleans TableVersion.VersionEtag: a write that names another etag is refused.';

CREATE TABLE orleans_membership (
    cluster_id       text          NOT NULL REFERENCES orleans_membership_version (cluster_id) ON DELETE CASCADE,
    address          inet          NOT NULL,
    port             int           NOT NULL CHECK (port BETWEEN 1 AND 65535),
    generation       int           NOT NULL,
    status           text          NOT NULL CHECK (status IN ('None', 'Created', 'Joining', 'Active', 'ShuttingDown', 'Stopping', 'Dead')),
    proxy_port       int           NOT NULL CHECK (proxy_port BETWEEN 0 AND 65535),
    silo_name        text,
    host_name        text,
    role_name        text,
    update_zone      int           NOT NULL DEFAULT 0,
    fault_zone       int           NOT NULL DEFAULT 0,
    suspecting_silos text[]        NOT NULL DEFAULT '{}',
    suspect_times    timestamptz[] NOT NULL DEFAULT '{}',
    start_time       timestamptz   NOT NULL,
    i_am_alive_time  timestamptz   NOT NULL,
    etag             uuid          NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation),
    CONSTRAINT orleans_membership_votes CHECK (cardinality(suspecting_silos) = cardinality(suspect_times))
);

COMMENT ON TABLE orleans_membership IS
    'Orleans membership table: one row per silo incarnation (address, port, generation) of a cluster. Dead rows are removed by the silos'' defunct-entry cleanup.';
COMMENT ON COLUMN orleans_membership.generation IS 'Orleans silo generation (epoch): a restarted silo on the same address and port is a new row.';
COMMENT ON COLUMN orleans_membership.status IS 'Orleans SiloStatus by name. Clients use the Active rows'' proxy ports as gateways.';
COMMENT ON COLUMN orleans_membership.proxy_port IS 'Gateway port for clients; 0 when the silo has no gateway.';
COMMENT ON COLUMN orleans_membership.suspecting_silos IS 'Silos (Orleans parsable address) that voted this silo dead, paired by position with suspect_times.';
COMMENT ON COLUMN orleans_membership.i_am_alive_time IS 'Heartbeat written by the silo itself with its own clock; it never moves backwards.';
COMMENT ON COLUMN orleans_membership.etag IS 'Row etag: replaced by every full row update, not by heartbeats.';
