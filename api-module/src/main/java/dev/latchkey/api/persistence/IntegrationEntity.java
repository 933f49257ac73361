package dev.latchkey.api.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Row of {@code integrations}, with its settings; {@link JpaIntegrationRepository} seals the sensitive ones. */
@Entity
@Table(name = "integrations")
public class IntegrationEntity {
    @Id
    String id;

    String name;

    @Column(name = "lower_name")
    String lowerName;

    String provider;
    int generation;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "integration_settings", joinColumns = @JoinColumn(name = "integration_id"))
    List<IntegrationSettingEmbeddable> settings = new ArrayList<>();

    @Version
    long version;

    protected IntegrationEntity() {}

    IntegrationEntity(String id) {
        this.id = id;
    }
}
