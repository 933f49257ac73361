package dev.latchkey.domain.wizard;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workspace.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the Generate API key wizard, owned by the person who started it. Every move goes through
 * {@link WizardStep#next}; a wizard past its deadline behaves as {@link WizardStep#EXPIRED} whether or not that has
 * been written down yet.
 */
public final class ApiKeyWizard {
    private final WizardId id;
    private final UserId startedBy;
    private final Instant startedAt;
    private final Instant deadline;
    private WizardStep step;
    private Optional<KeyDetails> details;
    private Optional<ScopeSet> scopes;
    private Optional<ApiKeyId> keyId;
    private final List<VaultPlacement> placements;

    /** Rebuilds a wizard from storage; new ones come from {@link #start}. */
    public ApiKeyWizard(WizardId id, UserId startedBy, Instant startedAt, Instant deadline, WizardStep step,
            Optional<KeyDetails> details, Optional<ScopeSet> scopes, Optional<ApiKeyId> keyId,
            List<VaultPlacement> placements) {
        this.id = Objects.requireNonNull(id, "id");
        this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.step = Objects.requireNonNull(step, "step");
        this.details = Objects.requireNonNull(details, "details");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.placements = new ArrayList<>(placements);
    }

    public static ApiKeyWizard start(UserId startedBy, Instant now, Duration timeout) {
        return new ApiKeyWizard(WizardId.generate(), startedBy, now, now.plus(timeout), WizardStep.DETAILS,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** The step as of {@code now}: a wizard not finished by its deadline has expired. */
    public WizardStep step(Instant now) {
        return !step.isFinal() && !now.isBefore(deadline) ? WizardStep.EXPIRED : step;
    }

    void submitDetails(KeyDetails newDetails, Instant now) {
        step = step(now).next(WizardMove.SUBMIT_DETAILS);
        details = Optional.of(newDetails);
    }

    void back(Instant now) {
        step = step(now).next(WizardMove.BACK);
    }

    /** Checks that scopes may be submitted now, before a key is generated for them. */
    void checkCanSubmitScopes(Instant now) {
        step(now).next(WizardMove.SUBMIT_SCOPES);
    }

    void submitScopes(ScopeSet chosen, ApiKeyId generated, Instant now) {
        step = step(now).next(WizardMove.SUBMIT_SCOPES);
        scopes = Optional.of(chosen);
        keyId = Optional.of(generated);
    }

    void checkCanSaveInVault(Instant now) {
        step(now).next(WizardMove.SAVE_IN_VAULT);
    }

    void recordPlacement(VaultPlacement placement, Instant now) {
        step = step(now).next(WizardMove.SAVE_IN_VAULT);
        placements.add(placement);
    }

    void acknowledge(Instant now) {
        step = step(now).next(WizardMove.ACKNOWLEDGE);
    }

    void cancel(Instant now) {
        step = step(now).next(WizardMove.CANCEL);
    }

    /** Marks an overdue wizard expired, the one move that is allowed once the deadline has passed. */
    void expire() {
        step = step.next(WizardMove.EXPIRE);
    }

    public WizardId id() {
        return id;
    }

    public UserId startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    /** The step as stored, without regard to the deadline; use {@link #step(Instant)} to decide anything. */
    public WizardStep storedStep() {
        return step;
    }

    public Optional<KeyDetails> details() {
        return details;
    }

    public Optional<ScopeSet> scopes() {
        return scopes;
    }

    public Optional<ApiKeyId> keyId() {
        return keyId;
    }

    public List<VaultPlacement> placements() {
        return List.copyOf(placements);
    }

    @Override
    public String toString() {
        return "ApiKeyWizard[" + id + ", step=" + step + "]";
    }
}
