package dev.latchkey.api.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Latchkey's settings, read once through MicroProfile Config so that each one can also be given
 * as an environment variable ({@code latchkey.data-dir} → {@code LATCHKEY_DATA_DIR}).
 *
 * <p>Every property is documented in {@code docs/configuration.md}; keep that table in step.
 * An invalid value fails the deployment with a message naming the property, rather than
 * surfacing later as a confusing runtime error.
 */
@ApplicationScoped
public class LatchkeyConfig { // not final: CDI proxies application-scoped beans by subclassing

    public static final String DATA_DIR = "latchkey.data-dir";
    public static final String OWNER_EMAIL = "latchkey.owner.email";
    public static final String OWNER_PASSWORD = "latchkey.owner.password";
    public static final String ARGON2_MEMORY_KIB = "latchkey.argon2.memory-kib";
    public static final String ARGON2_ITERATIONS = "latchkey.argon2.iterations";
    public static final String ARGON2_PARALLELISM = "latchkey.argon2.parallelism";
    public static final String WIZARD_TIMEOUT = "latchkey.wizard.timeout";
    public static final String TESTING_CLOCK_CONTROL = "latchkey.testing.clock-control";
    public static final String JOBS_INTERVAL = "latchkey.jobs.interval";
    public static final String PLUGINS_DIR = "latchkey.plugins-dir";
    public static final String PLUGINS_WRITE_ROOTS = "latchkey.plugins.write-roots";
    public static final String PLUGINS_TRUSTED = "latchkey.plugins.trusted";
    public static final String TRUSTED_PROXIES = "latchkey.http.trusted-proxies";

    // OWASP's minimum for argon2id (m=19 MiB, t=2, p=1): memory-hard, yet ~30 ms per hash on two cores.
    static final String DEFAULT_DATA_DIR = "./data";
    static final int DEFAULT_ARGON2_MEMORY_KIB = 19_456;
    static final int DEFAULT_ARGON2_ITERATIONS = 2;
    static final int DEFAULT_ARGON2_PARALLELISM = 1;
    static final Duration DEFAULT_WIZARD_TIMEOUT = Duration.ofMinutes(15);
    static final Duration DEFAULT_JOBS_INTERVAL = Duration.ofMinutes(5);

    private Path dataDir;
    private Optional<String> ownerEmail;
    private Optional<String> ownerPassword;
    private Argon2Parameters argon2;
    private Duration wizardTimeout;
    private Duration jobsInterval;
    private boolean testingClockControl;
    private DatabaseConfig database;
    private ClusterConfig cluster;
    private Path pluginsDir;
    private List<Path> pluginWriteRoots;
    private Set<String> trustedPlugins;
    private List<Cidr> trustedProxies;

    /** Only for the client proxy CDI creates; the container builds the real bean below. */
    protected LatchkeyConfig() {}

    @Inject
    LatchkeyConfig(Config config) {
        dataDir = dataDir(config);
        ownerEmail = nonBlank(config, OWNER_EMAIL);
        ownerPassword = nonBlank(config, OWNER_PASSWORD);
        argon2 = new Argon2Parameters(
                config.getOptionalValue(ARGON2_MEMORY_KIB, Integer.class).orElse(DEFAULT_ARGON2_MEMORY_KIB),
                config.getOptionalValue(ARGON2_ITERATIONS, Integer.class).orElse(DEFAULT_ARGON2_ITERATIONS),
                config.getOptionalValue(ARGON2_PARALLELISM, Integer.class).orElse(DEFAULT_ARGON2_PARALLELISM));
        wizardTimeout = positiveDuration(config, WIZARD_TIMEOUT, DEFAULT_WIZARD_TIMEOUT);
        jobsInterval = positiveDuration(config, JOBS_INTERVAL, DEFAULT_JOBS_INTERVAL);
        testingClockControl =
                config.getOptionalValue(TESTING_CLOCK_CONTROL, Boolean.class).orElse(false);
        database = DatabaseConfig.from(config);
        cluster = ClusterConfig.from(config, database);
        pluginsDir = config.getOptionalValue(PLUGINS_DIR, String.class)
                .filter(value -> !value.isBlank())
                .map(value -> Path.of(value).toAbsolutePath().normalize())
                .orElseGet(() -> dataDir.resolve("plugins"));
        pluginWriteRoots = config.getOptionalValue(PLUGINS_WRITE_ROOTS, String.class)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(root -> !root.isEmpty())
                        .map(root -> Path.of(root).toAbsolutePath().normalize())
                        .toList())
                .orElseGet(() -> List.of(dataDir.resolve("vaults")));
        trustedPlugins = config.getOptionalValue(PLUGINS_TRUSTED, String.class)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        trustedProxies = nonBlank(config, TRUSTED_PROXIES).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Cidr.parse(entry, TRUSTED_PROXIES))
                .toList();
    }

    /** The absolute, existing directory that holds the embedded database and other local state. */
    public Path dataDir() {
        return dataDir;
    }

    /** The e-mail of the owner account created on first start, if one was configured. */
    public Optional<String> ownerEmail() {
        return ownerEmail;
    }

    /** The initial password of the owner account; never log it. */
    public Optional<String> ownerPassword() {
        return ownerPassword;
    }

    /** The argon2id cost used to hash API keys and passwords. */
    public Argon2Parameters argon2() {
        return argon2;
    }

    /** How long an unfinished key wizard stays open. */
    public Duration wizardTimeout() {
        return wizardTimeout;
    }

    /** How often each automated job runs on its own. */
    public Duration jobsInterval() {
        return jobsInterval;
    }

    /** Whether tests may move the server's clock (and hold jobs back); never enable it in production. */
    public boolean testingClockControl() {
        return testingClockControl;
    }

    /** Where external vault plugin jars are loaded from at start-up; it need not exist. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /**
     * The directories vault plugins may write into (besides each integration's own folder), as absolute paths; by
     * default {@code <data dir>/vaults}. The data directory's own files stay off limits whatever is listed.
     */
    public List<Path> pluginWriteRoots() {
        return pluginWriteRoots;
    }

    /**
     * The ids of external plugins the operator trusts with what the platform lends only to trusted plugins (the
     * platform database, for plugins that ask for it); the plugins shipped with the server are trusted anyway.
     */
    public Set<String> trustedPlugins() {
        return trustedPlugins;
    }

    /** The proxies whose X-Forwarded-For is believed; empty (the default) means the socket's peer is the client. */
    public List<Cidr> trustedProxies() {
        return trustedProxies;
    }

    /** Where the database lives and how to log in to it. */
    public DatabaseConfig database() {
        return database;
    }

    /** Whether this server is one node of a cluster sharing its PostgreSQL database, and its name there. */
    public ClusterConfig cluster() {
        return cluster;
    }

    /**
     * Resolves {@value #DATA_DIR} against the working directory, creates it if missing and makes it
     * private (0700, its files 0600: {@link DataDirectory}). Static because the data source needs
     * it before CDI can hand out beans.
     */
    static Path dataDir(Config config) {
        String configured = config.getOptionalValue(DATA_DIR, String.class).orElse(DEFAULT_DATA_DIR);
        return DataDirectory.open(Path.of(configured).toAbsolutePath().normalize(), DATA_DIR);
    }

    private static Optional<String> nonBlank(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }

    private static Duration positiveDuration(Config config, String name, Duration fallback) {
        Optional<String> configured = config.getOptionalValue(name, String.class);
        if (configured.isEmpty()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(configured.get());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + configured.get());
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be an ISO-8601 duration such as " + fallback + ", got " + configured.get(), e);
        }
    }
}
