-- Integrations (configured vault plugins), their settings and the vaults they back.
-- Portable SQL only: the same file runs on embedded H2 and on PostgreSQL 15.
-- Sensitive settings are stored sealed (AES-256-GCM under the platform master key, base64), never in plain text.

CREATE TABLE integrations (
    id          VARCHAR(36)              NOT NULL,
    name        VARCHAR(100)             NOT NULL,
    lower_name  VARCHAR(100)             NOT NULL,
    provider    VARCHAR(64)              NOT NULL,
    generation  INTEGER                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT pk_integrations PRIMARY KEY (id),
    CONSTRAINT uq_integrations_lower_name UNIQUE (lower_name)
);

CREATE TABLE integration_settings (
    integration_id VARCHAR(36)   NOT NULL,
    attribute      VARCHAR(64)   NOT NULL,
    sensitive      BOOLEAN       NOT NULL,
    stored_value   VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_integration_settings PRIMARY KEY (integration_id, attribute),
    CONSTRAINT fk_integration_settings_integration FOREIGN KEY (integration_id) REFERENCES integrations (id)
);

CREATE TABLE vaults (
    id             VARCHAR(36)              NOT NULL,
    name           VARCHAR(100)             NOT NULL,
    lower_name     VARCHAR(100)             NOT NULL,
    integration_id VARCHAR(36)              NOT NULL,
    is_default     BOOLEAN                  NOT NULL,
    enabled        BOOLEAN                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    CONSTRAINT pk_vaults PRIMARY KEY (id),
    CONSTRAINT uq_vaults_lower_name UNIQUE (lower_name),
    CONSTRAINT fk_vaults_integration FOREIGN KEY (integration_id) REFERENCES integrations (id)
);
