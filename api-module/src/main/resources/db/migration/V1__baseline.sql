-- Baseline: proves the migration path end to end. Real tables arrive in V2 and later.
-- Portable SQL only: the same files run on embedded H2 and on PostgreSQL 15.
CREATE TABLE latchkey_meta (
    meta_key   VARCHAR(64)  NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    CONSTRAINT pk_latchkey_meta PRIMARY KEY (meta_key)
);

INSERT INTO latchkey_meta (meta_key, meta_value) VALUES ('schema.baseline', '1');
