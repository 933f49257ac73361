package dev.latchkey.api.persistence;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Expiration;
import dev.latchkey.domain.apikey.ExpirationPreset;
import dev.latchkey.domain.apikey.KeyName;
import dev.latchkey.domain.shared.WireNamed;
import dev.latchkey.domain.wizard.ApiKeyWizard;
import dev.latchkey.domain.wizard.KeyDetails;
import dev.latchkey.domain.wizard.WizardId;
import dev.latchkey.domain.wizard.WizardStep;
import dev.latchkey.domain.workspace.UserId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Row of {@code api_key_wizards}, with its vault placements. */
@Entity
@Table(name = "api_key_wizards")
public class WizardEntity {
    @Id
    private String id;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "started_at")
    private Instant startedAt;

    private Instant deadline;
    private String step;

    @Column(name = "key_name")
    private String keyName;

    private String expiration;

    @Column(name = "custom_expires_at")
    private Instant customExpiresAt;

    private String scopes;

    @Column(name = "api_key_id")
    private String apiKeyId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "wizard_vault_placements", joinColumns = @JoinColumn(name = "wizard_id"))
    @OrderColumn(name = "position")
    private List<VaultPlacementEmbeddable> placements = new ArrayList<>();

    @Version
    private long version;

    protected WizardEntity() {}

    WizardEntity(ApiKeyWizard wizard) {
        id = wizard.id().value();
        startedBy = wizard.startedBy().value();
        startedAt = wizard.startedAt();
        deadline = wizard.deadline();
        copyFrom(wizard);
    }

    final void copyFrom(ApiKeyWizard wizard) {
        step = wizard.storedStep().wireName();
        keyName = wizard.details().map(details -> details.name().value()).orElse(null);
        expiration = wizard.details()
                .map(details -> details.expiration().preset().wireName())
                .orElse(null);
        customExpiresAt = wizard.details()
                .flatMap(details -> details.expiration().customExpiresAt())
                .orElse(null);
        scopes = wizard.scopes().map(ScopeColumn::write).orElse(null);
        apiKeyId = wizard.keyId().map(ApiKeyId::value).orElse(null);
        placements.clear();
        wizard.placements().forEach(placement -> placements.add(new VaultPlacementEmbeddable(placement)));
    }

    ApiKeyWizard toDomain() {
        Optional<KeyDetails> details = Optional.ofNullable(keyName)
                .map(name -> new KeyDetails(
                        new KeyName(name),
                        new Expiration(
                                ExpirationPreset.parse(expiration, "expiration"),
                                Optional.ofNullable(customExpiresAt))));
        return new ApiKeyWizard(
                new WizardId(id),
                new UserId(startedBy),
                startedAt,
                deadline,
                stepOf(step),
                details,
                Optional.ofNullable(scopes).map(ScopeColumn::read),
                Optional.ofNullable(apiKeyId).map(ApiKeyId::new),
                placements.stream().map(VaultPlacementEmbeddable::toDomain).toList());
    }

    static WizardStep stepOf(String wireName) {
        return WireNamed.find(WizardStep.class, wireName)
                .orElseThrow(() -> new IllegalStateException("unknown wizard step in database: " + wireName));
    }
}
