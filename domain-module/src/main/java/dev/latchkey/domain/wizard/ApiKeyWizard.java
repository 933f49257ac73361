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
 * {@link WizardStep#next}, and {@link #checkAllowed} is the one way to ask beforehand whether a move may happen now; a
 * wizard past its deadline behaves as {@link WizardStep#EXPIRED} whether or not that has been written down yet.
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

    /**
     * Rebuilds a wizard from storage; new ones come from {@link #start}. Refuses a state no run of moves can reach,
     * such as a wizard at the store step without a key.
     */
    public ApiKeyWizard(
            WizardId id,
            UserId startedBy,
            Instant startedAt,
            Instant deadline,
            WizardStep step,
            Optional<KeyDetails> details,
            Optional<ScopeSet> scopes,
            Optional<ApiKeyId> keyId,
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
        requireReachable();
    }

    public static ApiKeyWizard start(UserId startedBy, Instant now, Duration timeout) {
        return new ApiKeyWizard(
                WizardId.generate(),
                startedBy,
                now,
                now.plus(timeout),
                WizardStep.DETAILS,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    /** The step as of {@code now}: a wizard not finished by its deadline has expired. */
    public WizardStep step(Instant now) {
        return !step.isFinal() && !now.isBefore(deadline) ? WizardStep.EXPIRED : step;
    }

    /**
     * Refuses {@code move} with an {@link IllegalWizardMoveException} unless the step as of {@code now} allows it;
     * changes nothing. Services ask this before work that must not happen for a refused move, such as generating a key.
     */
    void checkAllowed(WizardMove move, Instant now) {
        step(now).next(move);
    }

    void submitDetails(KeyDetails newDetails, Instant now) {
        step = step(now).next(WizardMove.SUBMIT_DETAILS);
        details = Optional.of(newDetails);
    }

    void back(Instant now) {
        step = step(now).next(WizardMove.BACK);
    }

    void submitScopes(ScopeSet chosen, ApiKeyId generated, Instant now) {
        step = step(now).next(WizardMove.SUBMIT_SCOPES);
        scopes = Optional.of(chosen);
        keyId = Optional.of(generated);
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

    /**
     * Marks an overdue wizard expired, the one move that is allowed once the deadline has passed; it goes from the
     * stored step, since as of the deadline {@link #step(Instant)} already says expired.
     */
    void expire() {
        step = step.next(WizardMove.EXPIRE);
    }

    /**
     * What each move leaves behind: details from the details step, scopes and the key's id together from the scopes
     * step, placements only once there is a key. A cancelled or expired wizard holds whatever its last step held.
     */
    private void requireReachable() {
        refuseIf(!deadline.isAfter(startedAt), "a deadline not after the start");
        refuseIf(scopes.isPresent() != keyId.isPresent(), "scopes without a key, or a key without scopes");
        refuseIf(keyId.isPresent() && details.isEmpty(), "a key without details");
        refuseIf(!placements.isEmpty() && keyId.isEmpty(), "vault placements without a key");
        switch (step) {
            case DETAILS -> refuseIf(keyId.isPresent(), "a wizard at details with a key");
            case SCOPES -> {
                refuseIf(details.isEmpty(), "a wizard at scopes without details");
                refuseIf(keyId.isPresent(), "a wizard at scopes with a key");
            }
            case STORE, ACKNOWLEDGED -> refuseIf(keyId.isEmpty(), "a wizard at " + step + " without a key");
            case CANCELLED, EXPIRED -> {}
        }
    }

    private static void refuseIf(boolean impossible, String state) {
        if (impossible) {
            throw new IllegalArgumentException("impossible wizard state: " + state);
        }
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
