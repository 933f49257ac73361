-- Teams and their members, job runs, the flag that records each key's expiry once, entitlements, the item
-- catalog and collections.
-- Portable SQL only: the same file runs on embedded H2 and on PostgreSQL 15.

-- name_key holds the lower-cased name, so that a plain UNIQUE constraint makes names unique ignoring case.
CREATE TABLE teams (
    id         VARCHAR(36)              NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    name_key   VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT pk_teams PRIMARY KEY (id),
    CONSTRAINT uq_teams_name_key UNIQUE (name_key)
);

CREATE TABLE team_members (
    team_id  VARCHAR(36) NOT NULL,
    user_id  VARCHAR(36) NOT NULL,
    position INTEGER     NOT NULL,
    CONSTRAINT pk_team_members PRIMARY KEY (team_id, user_id),
    CONSTRAINT fk_team_members_team FOREIGN KEY (team_id) REFERENCES teams (id),
    CONSTRAINT fk_team_members_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_team_members_user ON team_members (user_id);

-- running_slot holds the workflow type while the job is created or running and NULL afterwards: the UNIQUE
-- constraint (applied by both databases to non-NULL values only) is what keeps two jobs of a type from running
-- at once, even when two requests or two servers race.
CREATE TABLE jobs (
    id                      VARCHAR(36)              NOT NULL,
    workflow_type           VARCHAR(64)              NOT NULL,
    trigger_kind            VARCHAR(16)              NOT NULL,
    status                  VARCHAR(16)              NOT NULL,
    running_slot            VARCHAR(64),
    requested_by_user_id    VARCHAR(36),
    requested_by_api_key_id VARCHAR(12),
    requested_by_display    VARCHAR(254)             NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at              TIMESTAMP WITH TIME ZONE,
    finished_at             TIMESTAMP WITH TIME ZONE,
    result_summary          VARCHAR(1000),
    result_counts           VARCHAR(1000),
    error_detail            VARCHAR(1000),
    version                 BIGINT                   NOT NULL,
    CONSTRAINT pk_jobs PRIMARY KEY (id),
    CONSTRAINT uq_jobs_running_slot UNIQUE (running_slot)
);
CREATE INDEX ix_jobs_created_at ON jobs (created_at);

ALTER TABLE api_keys ADD COLUMN expiry_recorded BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_api_keys_expiry ON api_keys (expiry_recorded, expires_at);

-- No foreign key to integrations: an integration can be deleted, and entitlements naming it then grant nothing
-- (integration ids are never reused). grantee_id names a user or a team, so it cannot reference either table.
CREATE TABLE entitlements (
    id             VARCHAR(36)              NOT NULL,
    integration_id VARCHAR(36)              NOT NULL,
    grantee_type   VARCHAR(8)               NOT NULL,
    grantee_id     VARCHAR(36)              NOT NULL,
    role           VARCHAR(16)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_entitlements PRIMARY KEY (id),
    CONSTRAINT uq_entitlements_grant UNIQUE (integration_id, grantee_type, grantee_id, role)
);

-- The item catalog: where each secret's or account's value lives, never the value itself. fields holds the
-- type's descriptive members (category; application, label, url, username) as a flat JSON object.
CREATE TABLE items (
    id         VARCHAR(36)              NOT NULL,
    item_type  VARCHAR(16)              NOT NULL,
    vault_id   VARCHAR(36)              NOT NULL,
    path       VARCHAR(512)             NOT NULL,
    version    BIGINT                   NOT NULL,
    title      VARCHAR(400)             NOT NULL,
    fields     VARCHAR(2000)            NOT NULL,
    owner_id   VARCHAR(36)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_items PRIMARY KEY (id),
    CONSTRAINT fk_items_vault FOREIGN KEY (vault_id) REFERENCES vaults (id),
    CONSTRAINT fk_items_owner FOREIGN KEY (owner_id) REFERENCES users (id)
);
CREATE INDEX ix_items_owner ON items (owner_id, item_type);

CREATE TABLE item_shares (
    item_id VARCHAR(36) NOT NULL,
    team_id VARCHAR(36) NOT NULL,
    CONSTRAINT pk_item_shares PRIMARY KEY (item_id, team_id),
    CONSTRAINT fk_item_shares_item FOREIGN KEY (item_id) REFERENCES items (id)
);
CREATE INDEX ix_item_shares_team ON item_shares (team_id);

CREATE TABLE collections (
    id         VARCHAR(36)              NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    owner_id   VARCHAR(36)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT pk_collections PRIMARY KEY (id),
    CONSTRAINT fk_collections_owner FOREIGN KEY (owner_id) REFERENCES users (id)
);
CREATE INDEX ix_collections_owner ON collections (owner_id);

CREATE TABLE collection_items (
    collection_id VARCHAR(36) NOT NULL,
    item_id       VARCHAR(36) NOT NULL,
    position      INTEGER     NOT NULL,
    CONSTRAINT pk_collection_items PRIMARY KEY (collection_id, item_id),
    CONSTRAINT fk_collection_items_collection FOREIGN KEY (collection_id) REFERENCES collections (id),
    CONSTRAINT fk_collection_items_item FOREIGN KEY (item_id) REFERENCES items (id)
);
