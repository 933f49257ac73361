package dev.latchkey.domain.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.apikey.PlaintextApiKey;
import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.DomainException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.testing.FakeSecretHasher;
import dev.latchkey.domain.testing.InMemoryApiKeyRepository;
import dev.latchkey.domain.testing.InMemoryUserRepository;
import dev.latchkey.domain.testing.InMemoryWizardRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.testing.WizardInputs;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.WorkspacePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The wizard end to end, against in-memory ports and a clock that moves only when told. */
class WizardServiceTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final String NAME = "CI deploy";
    private static final VaultPlacement PLACEMENT = new VaultPlacement("v1", "Team vault", "ci/key", 1);

    private final MutableClock clock = new MutableClock();
    private final InMemoryWizardRepository wizards = new InMemoryWizardRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final FakeSecretHasher hasher = new FakeSecretHasher();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final User admin = People.admin();
    private final User otherAdmin = People.admin();
    private final InMemoryUserRepository users = new InMemoryUserRepository().with(admin, otherAdmin);
    private final WizardService service = serviceWith(WorkspacePolicy.DEFAULT);

    private WizardService serviceWith(WorkspacePolicy policy) {
        return new WizardService(wizards, keys, hasher, activities, clock, new SplittableRandom(42), TIMEOUT, policy);
    }

    private WizardId atDetails() {
        return service.start(admin).id();
    }

    private WizardId atScopes(String name) {
        WizardId id = atDetails();
        service.submitDetails(admin, id, WizardInputs.details(name, "1d"));
        return id;
    }

    private GeneratedKey atStore(String name) {
        return service.submitScopes(admin, atScopes(name), WizardInputs.scopes("read:items", "read:users"));
    }

    private KeyForVault checked(GeneratedKey generated) {
        return service.checkKeyForVault(
                admin, generated.wizard().id(), generated.plaintext().reveal());
    }

    private GeneratedKey acknowledged(String name) {
        GeneratedKey generated = atStore(name);
        service.acknowledge(admin, generated.wizard().id(), true);
        return generated;
    }

    private ApiKey storedKey(GeneratedKey generated) {
        return keys.findById(generated.key().id()).orElseThrow(() -> new AssertionError("key not stored"));
    }

    private static List<Violation> violationsOf(Runnable call) {
        return catchThrowableOfType(ValidationException.class, call::run).violations();
    }

    @Nested
    class Starting {
        @Test
        void administratorStartsAtDetails() {
            ApiKeyWizard wizard = service.start(admin);

            assertThat(wizards.stored(wizard.id()).step(clock.instant())).isEqualTo(WizardStep.DETAILS);
            assertThat(wizard.startedBy()).isEqualTo(admin.id());
            assertThat(wizard.deadline()).isEqualTo(clock.instant().plus(TIMEOUT));
            assertThat(activities.only(ActivityType.WIZARD_STARTED).subjectId())
                    .isEqualTo(wizard.id().value());
        }

        @Test
        void plainUserMayNotStart() {
            assertThatThrownBy(() -> service.start(People.member()))
                    .isInstanceOfSatisfying(
                            PermissionDeniedException.class,
                            denied -> assertThat(denied.code()).isEqualTo("role_required"));
            assertThat(wizards.everSaved()).isEmpty();
        }

        @Test
        void disabledAdministratorMayNotStart() {
            assertThatThrownBy(() -> service.start(admin.withDisabled(true)))
                    .isInstanceOf(PermissionDeniedException.class);
        }
    }

    @Nested
    class Details {
        @Test
        void reportsTakenNameAndExpiryOutOfBoundsAtOnce() {
            acknowledged(NAME);
            WizardId id = atDetails();
            Optional<Instant> tooSoon = Optional.of(clock.instant().plus(Duration.ofMinutes(1)));

            List<Violation> violations =
                    violationsOf(() -> service.submitDetails(admin, id, WizardInputs.details(NAME, "custom", tooSoon)));

            assertThat(violations)
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("name", "name_taken"), tuple("expiresAt", "expires_at_too_soon"));
            assertThat(wizards.stored(id).step(clock.instant())).isEqualTo(WizardStep.DETAILS);
            assertThat(activities.ofType(ActivityType.WIZARD_DETAILS_SUBMITTED)).hasSize(1);
        }

        @Test
        void acceptedDetailsMoveToScopes() {
            WizardId id = atDetails();

            service.submitDetails(admin, id, WizardInputs.details(NAME, "1d"));

            ApiKeyWizard stored = wizards.stored(id);
            assertThat(stored.step(clock.instant())).isEqualTo(WizardStep.SCOPES);
            assertThat(stored.details()).hasValueSatisfying(details -> {
                assertThat(details.name().value()).isEqualTo(NAME);
                assertThat(details.expiration().preset().wireName()).isEqualTo("1d");
            });
            assertThat(activities.only(ActivityType.WIZARD_DETAILS_SUBMITTED).details())
                    .containsEntry("name", NAME)
                    .containsEntry("expiration", "1d");
        }

        @Test
        void rejectsNameOfLiveKeyIgnoringCase() {
            acknowledged(NAME);
            WizardId id = atDetails();

            assertThat(violationsOf(() -> service.submitDetails(admin, id, WizardInputs.details("ci DEPLOY", "1d"))))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("name", "name_taken"));
        }

        @Test
        void rejectsNameOfAnotherWizardsPendingKey() {
            atStore(NAME);
            WizardId id = atDetails();

            assertThat(violationsOf(() -> service.submitDetails(admin, id, WizardInputs.details(NAME, "1d"))))
                    .extracting(Violation::code)
                    .containsExactly("name_taken");
        }

        @Test
        void reusesNameOfRemovedKey() {
            ApiKey removed = storedKey(acknowledged(NAME));
            removed.remove(admin, clock.instant());
            keys.save(removed);
            WizardId id = atDetails();

            service.submitDetails(admin, id, WizardInputs.details(NAME, "1d"));

            assertThat(wizards.stored(id).step(clock.instant())).isEqualTo(WizardStep.SCOPES);
        }

        @Test
        void reusesNameOfCancelledWizardsKey() {
            service.cancel(admin, atStore(NAME).wizard().id());
            WizardId id = atDetails();

            service.submitDetails(admin, id, WizardInputs.details(NAME, "1d"));

            assertThat(wizards.stored(id).step(clock.instant())).isEqualTo(WizardStep.SCOPES);
        }

        /** Offsets are from the moment the details are submitted; "-" means no expiresAt. */
        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource(textBlock = """
                custom, PT5M,            accepted
                custom, PT4M59.999S,     expiresAt:expires_at_too_soon
                custom, -PT1H,           expiresAt:expires_at_too_soon
                custom, P730D,           accepted
                custom, P730DT0.001S,    expiresAt:expires_at_too_late
                custom, -,               expiresAt:expires_at_required
                1d,     PT5M,            expiresAt:expires_at_not_allowed
                1y,     -,               accepted
                """)
        void appliesExpiryRules(String expiration, String offset, String outcome) {
            WizardId id = atDetails();
            Optional<Instant> expiresAt = offset.equals("-")
                    ? Optional.empty()
                    : Optional.of(clock.instant().plus(Duration.parse(offset)));

            if (outcome.equals("accepted")) {
                service.submitDetails(admin, id, WizardInputs.details(NAME, expiration, expiresAt));
                assertThat(wizards.stored(id).step(clock.instant())).isEqualTo(WizardStep.SCOPES);
            } else {
                assertThat(violationsOf(() ->
                                service.submitDetails(admin, id, WizardInputs.details(NAME, expiration, expiresAt))))
                        .extracting(v -> v.field() + ":" + v.code())
                        .containsExactly(outcome);
            }
        }

        @Test
        void appliesTheWorkspacesMaximumLifetime() {
            WizardService strict = serviceWith(new WorkspacePolicy(Duration.ofDays(30)));
            WizardId id = strict.start(admin).id();
            Optional<Instant> in31Days = Optional.of(clock.instant().plus(Duration.ofDays(31)));

            assertThat(violationsOf(
                            () -> strict.submitDetails(admin, id, WizardInputs.details(NAME, "custom", in31Days))))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("expiresAt", "expires_at_too_late"));
            assertThat(violationsOf(() -> strict.submitDetails(admin, id, WizardInputs.details(NAME, "1y"))))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("expiration", "expiration_too_long"));
        }
    }

    @Nested
    class Scopes {
        @Test
        void rejectsScopesBeforeDetails() {
            WizardId id = atDetails();

            assertThatThrownBy(() -> service.submitScopes(admin, id, WizardInputs.scopes("read:items")))
                    .isInstanceOfSatisfying(IllegalWizardMoveException.class, refused -> {
                        assertThat(refused.code()).isEqualTo("wizard_step_conflict");
                        assertThat(refused.current()).isEqualTo(WizardStep.DETAILS);
                        assertThat(refused.attempted()).isEqualTo(WizardMove.SUBMIT_SCOPES);
                    });
            assertThat(keys.everSaved()).isEmpty();
        }

        @Test
        void backThenResubmitReplacesTheDetails() {
            WizardId id = atScopes("first name");

            service.back(admin, id);
            assertThat(wizards.stored(id).step(clock.instant())).isEqualTo(WizardStep.DETAILS);
            service.submitDetails(admin, id, WizardInputs.details("second name", "1h"));
            GeneratedKey generated = service.submitScopes(admin, id, WizardInputs.scopes("read:users"));

            assertThat(generated.key().name().value()).isEqualTo("second name");
            assertThat(generated.key().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
            assertThat(activities.ofType(ActivityType.WIZARD_WENT_BACK)).hasSize(1);
        }

        @Test
        void returnsPlaintextThatParsesToTheStoredKey() {
            GeneratedKey generated = atStore(NAME);

            PlaintextApiKey plaintext = generated.plaintext();
            assertThat(PlaintextApiKey.parse(plaintext.reveal())).contains(plaintext);
            ApiKey stored = storedKey(generated);
            assertThat(stored.id()).isEqualTo(plaintext.id());
            assertThat(stored.scopes()).isEqualTo(ScopeSet.of(Scope.READ_ITEMS, Scope.READ_USERS));
            assertThat(stored.ownerId()).isEqualTo(admin.id());
            assertThat(hasher.verify(stored.secretHash(), plaintext.reveal())).isTrue();
            assertThat(wizards.stored(generated.wizard().id()).keyId()).contains(plaintext.id());
            assertThat(activities.only(ActivityType.KEY_GENERATED).subjectId())
                    .isEqualTo(plaintext.id().value());
        }

        @Test
        void neverStoresOrLogsThePlaintext() {
            GeneratedKey generated = atStore(NAME);
            service.recordPlacement(
                    service.checkKeyForVault(
                            admin,
                            generated.wizard().id(),
                            generated.plaintext().reveal()),
                    PLACEMENT);
            service.acknowledge(admin, generated.wizard().id(), true);
            String whole = generated.plaintext().reveal();
            String secret = whole.substring(16, 48);

            List<String> written = Stream.of(
                            keys.everSaved().stream().map(WizardServiceTest::render),
                            wizards.everSaved().stream().map(WizardServiceTest::render),
                            activities.all().stream().map(Activity::toString))
                    .flatMap(s -> s)
                    .toList();

            assertThat(written).hasSizeGreaterThan(5).noneMatch(text -> text.contains(secret));
            assertThat(generated.toString()).doesNotContain(secret);
            assertThat(generated.key().toString()).doesNotContain(secret);
        }

        @Test
        void secondWizardLosesNameTakenBetweenSteps() {
            WizardId first = atScopes(NAME);
            WizardId second = atScopes(NAME.toUpperCase());
            service.submitScopes(admin, first, WizardInputs.scopes("read:items"));

            assertThat(violationsOf(() -> service.submitScopes(admin, second, WizardInputs.scopes("read:items"))))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("name", "name_taken"));
            assertThat(keys.all()).hasSize(1);
        }
    }

    @Nested
    class Expiry {
        @Test
        void presetCountsFromKeyGeneration() {
            WizardId id = atScopes(NAME);
            clock.advance(Duration.ofMinutes(10));

            GeneratedKey generated = service.submitScopes(admin, id, WizardInputs.scopes("read:items"));

            assertThat(generated.key().createdAt()).isEqualTo(clock.instant());
            assertThat(storedKey(generated).expiresAt())
                    .isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        }

        @Test
        void customExpiryIsTheInstantChosen() {
            Instant chosen = clock.instant().plus(Duration.ofDays(3));
            WizardId id = atDetails();
            service.submitDetails(admin, id, WizardInputs.details(NAME, "custom", Optional.of(chosen)));
            clock.advance(Duration.ofMinutes(10));

            GeneratedKey generated = service.submitScopes(admin, id, WizardInputs.scopes("read:items"));

            assertThat(storedKey(generated).expiresAt()).isEqualTo(chosen);
        }
    }

    @Nested
    class StoreAndAcknowledge {
        @Test
        void keyIsPendingUntilAcknowledgedThenActive() {
            GeneratedKey generated = atStore(NAME);
            ApiKeyVerifier verifier = new ApiKeyVerifier(keys, users, hasher, clock);
            assertThat(storedKey(generated).status(clock.instant())).isEqualTo(ApiKeyStatus.PENDING);
            assertThat(verifier.verify(generated.plaintext())).isEmpty();

            ApiKeyWizard wizard = service.acknowledge(admin, generated.wizard().id(), true);

            assertThat(wizard.step(clock.instant())).isEqualTo(WizardStep.ACKNOWLEDGED);
            assertThat(wizards.stored(wizard.id()).storedStep()).isEqualTo(WizardStep.ACKNOWLEDGED);
            assertThat(storedKey(generated).status(clock.instant())).isEqualTo(ApiKeyStatus.ACTIVE);
            assertThat(verifier.verify(generated.plaintext()))
                    .hasValueSatisfying(verified ->
                            assertThat(verified.id()).isEqualTo(generated.key().id()));
            assertThat(activities.only(ActivityType.KEY_ACKNOWLEDGED).subjectId())
                    .isEqualTo(generated.key().id().value());
        }

        @Test
        void acknowledgeRequiresStoredSafely() {
            GeneratedKey generated = atStore(NAME);

            assertThat(violationsOf(
                            () -> service.acknowledge(admin, generated.wizard().id(), false)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("storedSafely", "acknowledgement_required"));
            assertThat(wizards.stored(generated.wizard().id()).storedStep()).isEqualTo(WizardStep.STORE);
            assertThat(storedKey(generated).status(clock.instant())).isEqualTo(ApiKeyStatus.PENDING);
        }

        @Test
        void acknowledgementThatLosesARaceIsAStepConflict() {
            GeneratedKey generated = atStore(NAME);
            // What a concurrent winner leaves behind when it commits after this request read the wizard at store.
            ApiKey acknowledgedElsewhere = storedKey(generated);
            acknowledgedElsewhere.acknowledge();
            keys.save(acknowledgedElsewhere);

            assertThatThrownBy(
                            () -> service.acknowledge(admin, generated.wizard().id(), true))
                    .isInstanceOfSatisfying(
                            IllegalWizardMoveException.class,
                            refused -> assertThat(refused.current()).isEqualTo(WizardStep.ACKNOWLEDGED));
            assertThat(activities.all()).noneMatch(activity -> activity.type() == ActivityType.KEY_ACKNOWLEDGED);
        }

        @Test
        void rejectsAcknowledgeBeforeStore() {
            WizardId id = atScopes(NAME);

            assertThatThrownBy(() -> service.acknowledge(admin, id, true))
                    .isInstanceOfSatisfying(
                            IllegalWizardMoveException.class,
                            refused -> assertThat(refused.current()).isEqualTo(WizardStep.SCOPES));
        }

        @Test
        void checkKeyForVaultAcceptsTheWizardsKey() {
            GeneratedKey generated = atStore(NAME);

            ApiKey key = service.checkKeyForVault(
                            admin,
                            generated.wizard().id(),
                            generated.plaintext().reveal())
                    .key();

            assertThat(key.id()).isEqualTo(generated.key().id());
            assertThat(key.status(clock.instant())).isEqualTo(ApiKeyStatus.PENDING);
        }

        @ParameterizedTest
        @MethodSource("dev.latchkey.domain.wizard.WizardServiceTest#wrongKeys")
        void checkKeyForVaultRejectsAnyOtherKey(KeyMangler mangler) {
            GeneratedKey generated = atStore(NAME);
            String presented = mangler.mangle(generated.plaintext().reveal());

            assertThat(violationsOf(() ->
                            service.checkKeyForVault(admin, generated.wizard().id(), presented)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("apiKey", "api_key_mismatch"));
        }

        @Test
        void checkKeyForVaultRejectsAnotherGeneratedKey() {
            GeneratedKey mine = atStore(NAME);
            GeneratedKey other = atStore("other key");

            String othersKey = other.plaintext().reveal();

            assertThat(violationsOf(
                            () -> service.checkKeyForVault(admin, mine.wizard().id(), othersKey)))
                    .extracting(Violation::code)
                    .containsExactly("api_key_mismatch");
        }

        @Test
        void recordingPlacementsKeepsTheWizardAtStore() {
            GeneratedKey generated = atStore(NAME);
            VaultPlacement first = new VaultPlacement("v1", "Team vault", "ci/deploy", 1);
            VaultPlacement second = new VaultPlacement("v2", "Env vault", "CI_DEPLOY", 3);

            service.recordPlacement(checked(generated), first);
            service.recordPlacement(checked(generated), second);

            ApiKeyWizard stored = wizards.stored(generated.wizard().id());
            assertThat(stored.storedStep()).isEqualTo(WizardStep.STORE);
            assertThat(stored.placements()).containsExactly(first, second);
            assertThat(activities.ofType(ActivityType.WIZARD_SAVED_TO_VAULT)).hasSize(2);
        }
    }

    @Nested
    class Cancelling {
        @Test
        void cancelDestroysTheGeneratedKey() {
            GeneratedKey generated = atStore(NAME);

            service.cancel(admin, generated.wizard().id());

            assertThat(wizards.stored(generated.wizard().id()).storedStep()).isEqualTo(WizardStep.CANCELLED);
            assertThat(keys.findById(generated.key().id())).isEmpty();
            assertThat(activities.only(ActivityType.WIZARD_CANCELLED).details())
                    .containsEntry("apiKeyId", generated.key().id().value());
        }

        @Test
        void cancelBeforeScopesLeavesNoKey() {
            WizardId id = atScopes(NAME);

            service.cancel(admin, id);

            assertThat(wizards.stored(id).storedStep()).isEqualTo(WizardStep.CANCELLED);
            assertThat(keys.everSaved()).isEmpty();
            assertThat(activities.only(ActivityType.WIZARD_CANCELLED).details()).isEmpty();
        }

        @Test
        void cancelledWizardAcceptsNoFurtherMove() {
            GeneratedKey generated = atStore(NAME);
            service.cancel(admin, generated.wizard().id());

            assertThatThrownBy(
                            () -> service.acknowledge(admin, generated.wizard().id(), true))
                    .isInstanceOfSatisfying(
                            IllegalWizardMoveException.class,
                            refused -> assertThat(refused.current()).isEqualTo(WizardStep.CANCELLED));
        }
    }

    /** One wizard operation, as a person would call it, given the wizard at its store step. */
    @FunctionalInterface
    interface Operation {
        void apply(WizardService service, User actor, GeneratedKey generated);
    }

    static Stream<Named<Operation>> everyMove() {
        return Stream.of(
                Named.of(
                        "submitDetails",
                        (s, actor, g) -> s.submitDetails(actor, g.wizard().id(), WizardInputs.details("x", "1d"))),
                Named.of("back", (s, actor, g) -> s.back(actor, g.wizard().id())),
                Named.of(
                        "submitScopes",
                        (s, actor, g) -> s.submitScopes(actor, g.wizard().id(), WizardInputs.scopes("read:users"))),
                Named.of(
                        "checkKeyForVault",
                        (s, actor, g) -> s.checkKeyForVault(
                                actor, g.wizard().id(), g.plaintext().reveal())),
                Named.of(
                        "acknowledge",
                        (s, actor, g) -> s.acknowledge(actor, g.wizard().id(), true)),
                Named.of("cancel", (s, actor, g) -> s.cancel(actor, g.wizard().id())));
    }

    static Stream<Named<Operation>> everyOperation() {
        return Stream.concat(
                Stream.of(
                        Named.of("get", (s, actor, g) -> s.get(actor, g.wizard().id()))),
                everyMove());
    }

    @Nested
    class Ownership {
        @ParameterizedTest
        @MethodSource("dev.latchkey.domain.wizard.WizardServiceTest#everyOperation")
        void anotherUsersWizardIsNotFound(Operation operation) {
            GeneratedKey generated = atStore(NAME);

            assertThatThrownBy(() -> operation.apply(service, otherAdmin, generated))
                    .isInstanceOfSatisfying(
                            NotFoundException.class,
                            notFound -> assertThat(notFound.code()).isEqualTo("wizard_not_found"));
            assertThat(storedKey(generated).status(clock.instant())).isEqualTo(ApiKeyStatus.PENDING);
        }

        /** Regression: a person demoted mid-wizard could still generate and activate a key. */
        @ParameterizedTest
        @MethodSource("dev.latchkey.domain.wizard.WizardServiceTest#everyOperation")
        void demotedStarterMayNotContinue(Operation operation) {
            GeneratedKey generated = atStore(NAME);

            assertThatThrownBy(() -> operation.apply(service, admin.withRole(Role.WORKSPACE_USER), generated))
                    .isInstanceOfSatisfying(
                            PermissionDeniedException.class,
                            denied -> assertThat(denied.code()).isEqualTo("role_required"));
            assertThat(storedKey(generated).acknowledged()).isFalse();
        }
    }

    @Nested
    class Timeout {
        @Test
        void movesStillWorkJustBeforeTheDeadline() {
            GeneratedKey generated = atStore(NAME);
            clock.setTo(generated.wizard().deadline().minusMillis(1));

            service.acknowledge(admin, generated.wizard().id(), true);

            assertThat(storedKey(generated).acknowledged()).isTrue();
        }

        @ParameterizedTest
        @MethodSource("dev.latchkey.domain.wizard.WizardServiceTest#everyMove")
        void everyMoveFailsOnceTheWizardTimedOut(Operation move) {
            GeneratedKey generated = atStore(NAME);
            clock.advance(TIMEOUT);

            assertThatThrownBy(() -> move.apply(service, admin, generated))
                    .isInstanceOfSatisfying(
                            IllegalWizardMoveException.class,
                            refused -> assertThat(refused.code()).isEqualTo("wizard_expired"));
            assertThat(storedKey(generated).acknowledged()).isFalse();
        }

        @ParameterizedTest
        @MethodSource("dev.latchkey.domain.wizard.WizardServiceTest#everyMove")
        void everyMoveFailsOnceTheWizardWasMarkedExpired(Operation move) {
            GeneratedKey generated = atStore(NAME);
            clock.advance(TIMEOUT.plusSeconds(1));
            service.expireOverdue(10);

            assertThatThrownBy(() -> move.apply(service, admin, generated))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            refused -> assertThat(refused.code()).isEqualTo("wizard_expired"));
        }

        @Test
        void expireOverdueMarksExpiredDestroysKeyAndRecordsIt() {
            GeneratedKey atStore = atStore(NAME);
            WizardId atDetails = atDetails();
            GeneratedKey finished = acknowledged("finished");
            clock.advance(Duration.ofMinutes(10));
            WizardId fresh = atDetails();
            clock.advance(Duration.ofMinutes(6));

            assertThat(service.expireOverdue(10)).isEqualTo(2);

            assertThat(wizards.stored(atStore.wizard().id()).storedStep()).isEqualTo(WizardStep.EXPIRED);
            assertThat(wizards.stored(atDetails).storedStep()).isEqualTo(WizardStep.EXPIRED);
            assertThat(wizards.stored(fresh).storedStep()).isEqualTo(WizardStep.DETAILS);
            assertThat(wizards.stored(finished.wizard().id()).storedStep()).isEqualTo(WizardStep.ACKNOWLEDGED);
            assertThat(keys.findById(atStore.key().id())).isEmpty();
            assertThat(keys.findById(finished.key().id())).isPresent();
            assertThat(activities.ofType(ActivityType.WIZARD_EXPIRED))
                    .extracting(
                            Activity::subjectId,
                            Activity::actor,
                            a -> a.details().get("apiKeyId"))
                    .containsExactlyInAnyOrder(
                            tuple(
                                    atStore.wizard().id().value(),
                                    Actor.SYSTEM,
                                    atStore.key().id().value()),
                            tuple(atDetails.value(), Actor.SYSTEM, null));
        }

        @Test
        void expireOverdueHonoursItsLimitOldestFirst() {
            WizardId oldest = atDetails();
            clock.advance(Duration.ofMinutes(1));
            WizardId newer = atDetails();
            clock.advance(TIMEOUT);

            assertThat(service.expireOverdue(1)).isEqualTo(1);
            assertThat(wizards.stored(oldest).storedStep()).isEqualTo(WizardStep.EXPIRED);
            assertThat(wizards.stored(newer).storedStep()).isEqualTo(WizardStep.DETAILS);
            assertThat(service.expireOverdue(10)).isEqualTo(1);
            assertThat(service.expireOverdue(10)).isZero();
        }
    }

    /** Turns the wizard's key into something else a client might send. */
    @FunctionalInterface
    interface KeyMangler {
        String mangle(String key);
    }

    static Stream<Named<KeyMangler>> wrongKeys() {
        return Stream.of(
                Named.of("empty", key -> ""),
                Named.of("null", key -> null),
                Named.of(
                        "one secret character changed",
                        key -> key.substring(0, 20) + (key.charAt(20) == 'a' ? 'b' : 'a') + key.substring(21)),
                Named.of(
                        "masked form",
                        key -> PlaintextApiKey.parse(key).orElseThrow().masked()),
                Named.of("with trailing space", key -> key + " "));
    }

    private static String render(ApiKey key) {
        return String.join(
                "|",
                key.toString(),
                key.id().value(),
                key.name().value(),
                key.ownerId().value(),
                key.scopes().toString(),
                key.secretHash(),
                key.createdAt().toString(),
                key.expiresAt().toString(),
                key.removedAt().toString(),
                key.lastUsedAt().toString());
    }

    private static String render(ApiKeyWizard wizard) {
        return String.join(
                "|",
                wizard.toString(),
                wizard.id().value(),
                wizard.startedBy().value(),
                wizard.details().toString(),
                wizard.scopes().toString(),
                wizard.keyId().toString(),
                wizard.placements().toString());
    }
}
