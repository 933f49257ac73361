package dev.latchkey.domain.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Expiration;
import dev.latchkey.domain.apikey.ExpirationPreset;
import dev.latchkey.domain.apikey.KeyName;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workspace.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyWizardTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Instant START = MutableClock.START;
    private static final Instant DEADLINE = START.plus(TIMEOUT);
    private static final Optional<KeyDetails> DETAILS = Optional.of(
            new KeyDetails(new KeyName("ci deploy"), new Expiration(ExpirationPreset.ONE_DAY, Optional.empty())));
    private static final Optional<ScopeSet> SCOPES = Optional.of(ScopeSet.of(Scope.READ_ITEMS));
    private static final Optional<ApiKeyId> KEY = Optional.of(new ApiKeyId("AbC123xyz789"));
    private static final List<VaultPlacement> PLACED = List.of(new VaultPlacement("v-1", "team vault", "ci/key", 1));
    /** Walks per run: a fixed seed, so every run tries the same walks and a failure names the one to replay. */
    private static final int WALKS = 1_000;

    private static final int MOVES_PER_WALK = 12;

    private final ApiKeyWizard wizard = ApiKeyWizard.start(UserId.generate(), START, TIMEOUT);

    @Test
    void startsAtDetailsWithDeadlineOneTimeoutAhead() {
        assertThat(wizard.step(START)).isEqualTo(WizardStep.DETAILS);
        assertThat(wizard.deadline()).isEqualTo(DEADLINE);
        assertThat(wizard.details()).isEmpty();
        assertThat(wizard.keyId()).isEmpty();
    }

    @Test
    void expiresExactlyAtItsDeadline() {
        assertThat(wizard.step(DEADLINE.minusNanos(1))).isEqualTo(WizardStep.DETAILS);

        assertThat(wizard.step(DEADLINE)).isEqualTo(WizardStep.EXPIRED);
        assertThat(wizard.storedStep()).isEqualTo(WizardStep.DETAILS);
    }

    @Test
    void movePastDeadlineIsRefusedAsExpired() {
        assertThatThrownBy(() -> wizard.back(DEADLINE))
                .isInstanceOfSatisfying(IllegalWizardMoveException.class, refused -> {
                    assertThat(refused.current()).isEqualTo(WizardStep.EXPIRED);
                    assertThat(refused.code()).isEqualTo("wizard_expired");
                });
        assertThat(wizard.storedStep()).isEqualTo(WizardStep.DETAILS);
    }

    @Test
    void cancelledWizardStaysCancelledAfterDeadline() {
        wizard.cancel(START);

        assertThat(wizard.step(DEADLINE.plus(Duration.ofDays(1)))).isEqualTo(WizardStep.CANCELLED);
    }

    @Test
    void expireMarksTheStoredStep() {
        wizard.expire();

        assertThat(wizard.storedStep()).isEqualTo(WizardStep.EXPIRED);
        assertThatThrownBy(wizard::expire).isInstanceOf(IllegalWizardMoveException.class);
    }

    @Test
    void checkingAMoveRefusesItAsTheMoveWouldAndChangesNothing() {
        assertThatCode(() -> wizard.checkAllowed(WizardMove.SUBMIT_DETAILS, START))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> wizard.checkAllowed(WizardMove.SUBMIT_SCOPES, START))
                .isInstanceOfSatisfying(IllegalWizardMoveException.class, refused -> {
                    assertThat(refused.current()).isEqualTo(WizardStep.DETAILS);
                    assertThat(refused.attempted()).isEqualTo(WizardMove.SUBMIT_SCOPES);
                });
        assertThatThrownBy(() -> wizard.checkAllowed(WizardMove.SUBMIT_DETAILS, DEADLINE))
                .isInstanceOfSatisfying(
                        IllegalWizardMoveException.class,
                        refused -> assertThat(refused.current()).isEqualTo(WizardStep.EXPIRED));
        assertThat(wizard.storedStep()).isEqualTo(WizardStep.DETAILS);
    }

    static Stream<Arguments> impossibleStates() {
        Optional<KeyDetails> none = Optional.empty();
        return Stream.of(
                Arguments.of(
                        "store without a key",
                        WizardStep.STORE,
                        DETAILS,
                        Optional.empty(),
                        Optional.empty(),
                        List.of()),
                Arguments.of(
                        "acknowledged without a key",
                        WizardStep.ACKNOWLEDGED,
                        DETAILS,
                        Optional.empty(),
                        Optional.empty(),
                        List.of()),
                Arguments.of("details with a key", WizardStep.DETAILS, DETAILS, SCOPES, KEY, List.of()),
                Arguments.of(
                        "scopes without details",
                        WizardStep.SCOPES,
                        none,
                        Optional.empty(),
                        Optional.empty(),
                        List.of()),
                Arguments.of("scopes with a key", WizardStep.SCOPES, DETAILS, SCOPES, KEY, List.of()),
                Arguments.of("a key without scopes", WizardStep.CANCELLED, DETAILS, Optional.empty(), KEY, List.of()),
                Arguments.of(
                        "scopes without a key", WizardStep.CANCELLED, DETAILS, SCOPES, Optional.empty(), List.of()),
                Arguments.of("a key without details", WizardStep.EXPIRED, none, SCOPES, KEY, List.of()),
                Arguments.of(
                        "placements without a key",
                        WizardStep.CANCELLED,
                        DETAILS,
                        Optional.empty(),
                        Optional.empty(),
                        PLACED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleStates")
    void rebuildingRefusesAStateNoRunOfMovesReaches(
            String state,
            WizardStep step,
            Optional<KeyDetails> details,
            Optional<ScopeSet> scopes,
            Optional<ApiKeyId> keyId,
            List<VaultPlacement> placements) {
        assertThatThrownBy(() -> rebuild(step, details, scopes, keyId, placements, DEADLINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("impossible wizard state: ");
    }

    @Test
    void rebuildingRefusesADeadlineThatIsNotAfterTheStart() {
        assertThatThrownBy(() -> rebuild(
                        WizardStep.DETAILS, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadline");
    }

    @Test
    void rebuildingAcceptsWhatCancellingOrExpiringLeavesBehind() {
        assertThatCode(() -> {
                    rebuild(
                            WizardStep.CANCELLED,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            List.of(),
                            DEADLINE);
                    rebuild(WizardStep.DETAILS, DETAILS, Optional.empty(), Optional.empty(), List.of(), DEADLINE);
                    rebuild(WizardStep.EXPIRED, DETAILS, SCOPES, KEY, PLACED, DEADLINE);
                    rebuild(WizardStep.ACKNOWLEDGED, DETAILS, SCOPES, KEY, List.of(), DEADLINE);
                })
                .doesNotThrowAnyException();
    }

    static LongStream walkSeeds() {
        return new SplittableRandom(0x3A1C_2026_1204L).longs(WALKS);
    }

    /**
     * The property behind the table test: whatever runs of moves people and the clock make, each move does what
     * {@link WizardStepTest#LEGAL} says from the step as of that moment (expiry from the stored step), a refused move
     * changes nothing, {@link ApiKeyWizard#checkAllowed} agrees with the moves, and every state reached can be rebuilt.
     */
    @ParameterizedTest(name = "walk from seed {0}")
    @MethodSource("walkSeeds")
    void anyRunOfMovesFollowsTheRulesAndReachesOnlyRebuildableStates(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ApiKeyWizard walked = ApiKeyWizard.start(UserId.generate(), START, TIMEOUT);
        WizardStep stored = WizardStep.DETAILS;
        Instant now = START;
        List<String> history = new ArrayList<>();

        for (int i = 0; i < MOVES_PER_WALK; i++) {
            now = now.plusSeconds(random.nextLong(0, 4 * 60));
            Instant at = now;
            WizardStep current = !rulesFrom(stored).isEmpty() && !at.isBefore(DEADLINE) ? WizardStep.EXPIRED : stored;
            WizardMove move = pickMove(random, stored);
            WizardStep from = move == WizardMove.EXPIRE ? stored : current;
            Optional<WizardStep> expected = Optional.ofNullable(rulesFrom(from).get(move));
            history.add(move + " at +" + Duration.between(START, at).toSeconds() + "s");
            String where = "seed " + seed + ", moves " + history;

            if (rulesFrom(current).containsKey(move)) {
                assertThatCode(() -> walked.checkAllowed(move, at)).as(where).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> walked.checkAllowed(move, at))
                        .as(where)
                        .isInstanceOf(IllegalWizardMoveException.class);
            }
            List<Object> before = state(walked);
            if (expected.isPresent()) {
                assertThatCode(() -> apply(walked, move, at)).as(where).doesNotThrowAnyException();
                assertThat(walked.storedStep()).as(where).isEqualTo(expected.get());
                stored = expected.get();
            } else {
                assertThatThrownBy(() -> apply(walked, move, at))
                        .as(where)
                        .isInstanceOfSatisfying(IllegalWizardMoveException.class, refused -> {
                            assertThat(refused.current()).as(where).isEqualTo(from);
                            assertThat(refused.attempted()).as(where).isEqualTo(move);
                        });
                assertThat(state(walked)).as(where).isEqualTo(before);
            }
            assertThatCode(() -> rebuild(walked)).as(where).doesNotThrowAnyException();
        }
    }

    private static Map<WizardMove, WizardStep> rulesFrom(WizardStep step) {
        return WizardStepTest.LEGAL.get(step);
    }

    /**
     * Half the time a move that the rules allow from the stored step and that does not end the wizard, otherwise any
     * move at all: walks get far, and past the deadline they keep trying the moves that only the deadline forbids.
     */
    private static WizardMove pickMove(SplittableRandom random, WizardStep stored) {
        // Sorted: Map.of iterates in an order that changes from one JVM to the next, and walks must repeat exactly.
        List<WizardMove> onward = rulesFrom(stored).keySet().stream()
                .filter(move -> move != WizardMove.CANCEL && move != WizardMove.EXPIRE)
                .sorted()
                .toList();
        List<WizardMove> pool = !onward.isEmpty() && random.nextBoolean() ? onward : List.of(WizardMove.values());
        return pool.get(random.nextInt(pool.size()));
    }

    private static void apply(ApiKeyWizard wizard, WizardMove move, Instant now) {
        switch (move) {
            case SUBMIT_DETAILS -> wizard.submitDetails(DETAILS.orElseThrow(), now);
            case BACK -> wizard.back(now);
            case SUBMIT_SCOPES -> wizard.submitScopes(SCOPES.orElseThrow(), KEY.orElseThrow(), now);
            case SAVE_IN_VAULT -> wizard.recordPlacement(PLACED.getFirst(), now);
            case ACKNOWLEDGE -> wizard.acknowledge(now);
            case CANCEL -> wizard.cancel(now);
            case EXPIRE -> wizard.expire();
        }
    }

    private static List<Object> state(ApiKeyWizard wizard) {
        return List.of(wizard.storedStep(), wizard.details(), wizard.scopes(), wizard.keyId(), wizard.placements());
    }

    private static ApiKeyWizard rebuild(ApiKeyWizard wizard) {
        return new ApiKeyWizard(
                wizard.id(),
                wizard.startedBy(),
                wizard.startedAt(),
                wizard.deadline(),
                wizard.storedStep(),
                wizard.details(),
                wizard.scopes(),
                wizard.keyId(),
                wizard.placements());
    }

    private static ApiKeyWizard rebuild(
            WizardStep step,
            Optional<KeyDetails> details,
            Optional<ScopeSet> scopes,
            Optional<ApiKeyId> keyId,
            List<VaultPlacement> placements,
            Instant deadline) {
        return new ApiKeyWizard(
                WizardId.generate(), UserId.generate(), START, deadline, step, details, scopes, keyId, placements);
    }
}
