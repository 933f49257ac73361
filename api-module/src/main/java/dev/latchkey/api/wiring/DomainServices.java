package dev.latchkey.api.wiring;

import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.api.plugins.ConfigSealer;
import dev.latchkey.api.security.Argon2SecretHasher;
import dev.latchkey.api.security.VerifiedKeyCache;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyRepository;
import dev.latchkey.domain.apikey.ApiKeyService;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.apikey.KeyExpiryService;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.entitlement.EntitlementRepository;
import dev.latchkey.domain.entitlement.EntitlementService;
import dev.latchkey.domain.integration.IntegrationRepository;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.VaultPlugins;
import dev.latchkey.domain.integration.VaultRepository;
import dev.latchkey.domain.integration.VaultService;
import dev.latchkey.domain.item.CollectionRepository;
import dev.latchkey.domain.item.CollectionService;
import dev.latchkey.domain.item.ItemRepository;
import dev.latchkey.domain.item.ItemService;
import dev.latchkey.domain.item.WizardVaultService;
import dev.latchkey.domain.job.JobRepository;
import dev.latchkey.domain.job.JobResult;
import dev.latchkey.domain.job.JobService;
import dev.latchkey.domain.job.JobType;
import dev.latchkey.domain.job.VaultHealthCheck;
import dev.latchkey.domain.people.UserService;
import dev.latchkey.domain.session.SessionRepository;
import dev.latchkey.domain.session.SessionService;
import dev.latchkey.domain.shared.CredentialThrottle;
import dev.latchkey.domain.shared.SecretHasher;
import dev.latchkey.domain.team.TeamRepository;
import dev.latchkey.domain.team.TeamService;
import dev.latchkey.domain.wizard.WizardRepository;
import dev.latchkey.domain.wizard.WizardService;
import dev.latchkey.domain.workspace.UserRepository;
import dev.latchkey.domain.workspace.WorkspacePolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Produces the domain's services, one instance each. They are plain final classes, so they are {@link Singleton}s
 * (no client proxy needed); the repositories they receive are the application-scoped JPA adapters.
 */
@ApplicationScoped
public class DomainServices {
    /** How much one job run handles at most; the next run picks up the rest. */
    static final int JOB_BATCH = 1_000;

    private final SecureRandom random = new SecureRandom();
    private Clock clock;

    @Inject
    LatchkeyConfig config;

    @Inject
    @MovableClock
    Instance<Clock> movableClock;

    @PostConstruct
    void chooseClock() {
        clock = serverClock(config.testingClockControl(), movableClock::get);
    }

    /**
     * The system's UTC clock, unless the server runs with {@code latchkey.testing.clock-control}: only then is the
     * movable clock (which the testing package supplies) even looked up, so no production request ever reads it.
     */
    static Clock serverClock(boolean clockControl, Supplier<Clock> movable) {
        return clockControl ? movable.get() : Clock.systemUTC();
    }

    @Produces
    @Singleton
    Clock clock() {
        return clock;
    }

    @Produces
    @Singleton
    SecureRandom secureRandom() {
        return random;
    }

    @Produces
    @Singleton
    SecretHasher hasher(LatchkeyConfig config) {
        return new Argon2SecretHasher(config.argon2());
    }

    @Produces
    @Singleton
    WorkspacePolicy workspacePolicy() {
        return WorkspacePolicy.DEFAULT;
    }

    @Produces
    @Singleton
    CredentialThrottle<ApiKeyId> apiKeyThrottle() {
        return new CredentialThrottle<>(clock, "attempts with API keys");
    }

    @Produces
    @Singleton
    ApiKeyVerifier apiKeyVerifier(ApiKeyRepository keys, UserRepository users, SecretHasher hasher) {
        return new ApiKeyVerifier(keys, users, hasher, clock);
    }

    @Produces
    @Singleton
    WizardService wizardService(
            WizardRepository wizards,
            ApiKeyRepository keys,
            SecretHasher hasher,
            ActivityLog activities,
            LatchkeyConfig config,
            WorkspacePolicy policy) {
        return new WizardService(wizards, keys, hasher, activities, clock, random, config.wizardTimeout(), policy);
    }

    @Produces
    @Singleton
    ApiKeyService apiKeyService(ApiKeyRepository keys, ActivityLog activities, VerifiedKeyCache cache) {
        return new ApiKeyService(keys, activities, cache, clock);
    }

    @Produces
    @Singleton
    UserService userService(UserRepository users, SecretHasher hasher, ActivityLog activities, VerifiedKeyCache cache) {
        return new UserService(users, hasher, activities, cache, clock, random);
    }

    @Produces
    @Singleton
    SessionService sessionService(
            UserRepository users, SessionRepository sessions, SecretHasher hasher, ActivityLog activities) {
        return new SessionService(users, sessions, hasher, activities, clock, random);
    }

    @Produces
    @Singleton
    ConfigSealer configSealer(LatchkeyConfig config) {
        return ConfigSealer.open(config.dataDir(), random);
    }

    @Produces
    @Singleton
    IntegrationService integrationService(
            IntegrationRepository integrations, VaultRepository vaults, VaultPlugins plugins, ActivityLog activities) {
        return new IntegrationService(integrations, vaults, plugins, activities, clock);
    }

    @Produces
    @Singleton
    VaultService vaultService(
            VaultRepository vaults,
            IntegrationService integrations,
            WizardService wizards,
            EntitlementService entitlements,
            ActivityLog activities) {
        return new VaultService(vaults, integrations, wizards, entitlements, activities, clock);
    }

    @Produces
    @Singleton
    EntitlementService entitlementService(
            EntitlementRepository entitlements,
            IntegrationService integrations,
            UserRepository users,
            TeamRepository teams,
            ActivityLog activities) {
        return new EntitlementService(entitlements, integrations, users, teams, activities, clock);
    }

    @Produces
    @Singleton
    ItemService itemService(
            ItemRepository items,
            VaultService vaults,
            IntegrationService integrations,
            VaultPlugins plugins,
            TeamRepository teams,
            ActivityLog activities) {
        return new ItemService(items, vaults, integrations, plugins, teams, activities, clock);
    }

    @Produces
    @Singleton
    WizardVaultService wizardVaultService(
            WizardService wizards,
            VaultService vaults,
            IntegrationService integrations,
            VaultPlugins plugins,
            ItemRepository items,
            ActivityLog activities) {
        return new WizardVaultService(wizards, vaults, integrations, plugins, items, activities, clock);
    }

    @Produces
    @Singleton
    CollectionService collectionService(
            CollectionRepository collections, ItemRepository items, TeamRepository teams, ActivityLog activities) {
        return new CollectionService(collections, items, teams, activities, clock);
    }

    @Produces
    @Singleton
    TeamService teamService(TeamRepository teams, UserRepository users, ActivityLog activities) {
        return new TeamService(teams, users, activities, clock);
    }

    @Produces
    @Singleton
    KeyExpiryService keyExpiryService(ApiKeyRepository keys, ActivityLog activities, VerifiedKeyCache cache) {
        return new KeyExpiryService(keys, activities, cache, clock);
    }

    @Produces
    @Singleton
    JobService jobService(
            JobRepository jobs,
            ActivityLog activities,
            KeyExpiryService expiry,
            WizardService wizards,
            IntegrationService integrations) {
        return new JobService(
                jobs,
                activities,
                clock,
                Map.of(
                        JobType.EXPIRE_KEYS,
                                () -> {
                                    long expired = expiry.recordExpired(JOB_BATCH);
                                    return new JobResult(
                                            "Recorded the expiry of " + expired + " API key(s)",
                                            Map.of("expiredKeys", expired));
                                },
                        JobType.PURGE_ABANDONED_WIZARDS,
                                () -> {
                                    long purged = wizards.expireOverdue(JOB_BATCH);
                                    return new JobResult(
                                            "Expired " + purged + " abandoned wizard(s) and destroyed their keys",
                                            Map.of("expiredWizards", purged));
                                },
                        JobType.CHECK_VAULT_HEALTH, new VaultHealthCheck(integrations)));
    }
}
