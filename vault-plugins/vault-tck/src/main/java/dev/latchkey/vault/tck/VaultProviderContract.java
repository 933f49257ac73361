package dev.latchkey.vault.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.vault.spi.Attribute;
import dev.latchkey.vault.spi.AttributePath;
import dev.latchkey.vault.spi.AttributeType;
import dev.latchkey.vault.spi.CheckAndSetConflictException;
import dev.latchkey.vault.spi.Diagnostic;
import dev.latchkey.vault.spi.Diagnostics;
import dev.latchkey.vault.spi.InvalidSecretPathException;
import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretNotFoundException;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.UnsupportedSecretException;
import dev.latchkey.vault.spi.VaultConfig;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultProviderFactory;
import dev.latchkey.vault.spi.VersionMetadata;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every vault plugin passes. Extend it in the plugin's test sources, supply the
 * factory and configurations, and run it with the plugin's other tests:
 * <pre>{@code
 * class FileVaultProviderTest extends VaultProviderContract {
 *     protected VaultProviderFactory factory() { return new FileVaultProviderFactory(); }
 *     protected Map<String, String> validConfig(Path dataDirectory) { return Map.of(); }
 *     protected InvalidConfig invalidConfig(Path dataDirectory) {
 *         return new InvalidConfig(Map.of("max_versions", "0"), "max_versions");
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh {@link #dataDirectory} and a provider opened through
 * {@link VaultProviderFactory#configure}; {@link #reopen()} closes it and opens a new one on the
 * same storage, as a server restart would. Values used are UTF-8 text, which every vault must
 * store; vaults that accept arbitrary bytes should test that in their own tests.
 */
public abstract class VaultProviderContract {

    /** A value with quotes, newlines, backslashes, a dollar sign and non-ASCII characters. */
    protected static final String AWKWARD_TEXT = "pa\"ss'word\nline two\r\n\ttab \\ $HOME ${X} ünïcødé 🔑 #";

    /** The TCK's clock; fixed, so nothing depends on the wall clock. */
    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** This test's own data directory, handed to the plugin in its {@link VaultContext}. */
    @TempDir
    protected Path dataDirectory;

    private VaultProvider vault;

    /**
     * A configuration the factory rejects, and the attribute a diagnostic must point at.
     *
     * @param config    raw settings with at least one plugin-specific mistake
     * @param attribute the name of an attribute the diagnostics must name
     */
    public record InvalidConfig(Map<String, String> config, String attribute) {

        /** Copies the map. */
        public InvalidConfig {
            config = Map.copyOf(config);
        }
    }

    /** The plugin's factory, created as the platform would (no-argument constructor). */
    protected abstract VaultProviderFactory factory();

    /**
     * Raw settings under which the factory opens a working vault in {@code dataDirectory}.
     *
     * @param dataDirectory this test's data directory
     * @return the settings
     */
    protected abstract Map<String, String> validConfig(Path dataDirectory);

    /**
     * Raw settings the factory must refuse with a diagnostic on a given attribute.
     *
     * @param dataDirectory this test's data directory
     * @return the settings and the attribute
     */
    protected abstract InvalidConfig invalidConfig(Path dataDirectory);

    /**
     * The context the plugin is opened with; override to add a data source.
     *
     * @param dataDirectory this test's data directory
     * @return the context
     */
    protected VaultContext context(Path dataDirectory) {
        return VaultContext.withoutDatabase(dataDirectory, CLOCK, new SecureRandom());
    }

    /**
     * How many check-and-set increments each of the 8 writer threads makes; lower it for slow
     * storage, but keep it at 3 or more.
     *
     * @return the number of increments per thread
     */
    protected int concurrentIncrementsPerThread() {
        return 10;
    }

    /** The provider under test. */
    protected final VaultProvider vault() {
        return vault;
    }

    /**
     * Closes the provider and opens a new one on the same storage and configuration.
     *
     * @return the new provider
     */
    protected final VaultProvider reopen() {
        vault.close();
        vault = open();
        return vault;
    }

    @BeforeEach
    final void openVault() {
        vault = open();
    }

    @AfterEach
    final void closeVault() {
        vault.close();
    }

    private VaultProvider open() {
        Result<VaultProvider> result = factory().configure(validConfig(dataDirectory), context(dataDirectory));
        assertThat(result.diagnostics().errors())
                .as("errors for the valid configuration")
                .isEmpty();
        return result.asOptional().orElseThrow();
    }

    // ---- the factory and its schema -------------------------------------------------------

    @Test
    void factoryIsFoundByServiceLoader() {
        List<String> ids = ServiceLoader.load(VaultProviderFactory.class).stream()
                .map(ServiceLoader.Provider::type)
                .map(Class::getName)
                .toList();
        assertThat(ids)
                .as("META-INF/services/" + VaultProviderFactory.class.getName())
                .contains(factory().getClass().getName());
    }

    @Test
    void factoryDescribesItselfAndEveryAttribute() {
        VaultProviderFactory factory = factory();
        assertThat(factory.id()).matches("[a-z][a-z0-9-]*");
        assertThat(factory.description()).isNotBlank().doesNotContain("\n");
        assertThat(factory.schema()).isSameAs(factory.schema());
        assertThat(factory.schema().attributes())
                .allSatisfy(a -> assertThat(a.description()).isNotBlank());
    }

    @Test
    void invalidConfigYieldsErrorDiagnosticsAtTheAttribute() {
        InvalidConfig invalid = invalidConfig(dataDirectory);
        Diagnostics validated = factory().validate(invalid.config());
        Result<VaultProvider> configured = factory().configure(invalid.config(), context(dataDirectory));

        assertThat(validated.errors()).extracting(Diagnostic::path).contains(AttributePath.of(invalid.attribute()));
        assertThat(validated.errors()).allSatisfy(d -> assertThat(d.detail()).isNotBlank());
        assertThat(configured).isInstanceOf(Result.Failed.class);
        assertThat(configured.diagnostics().errors())
                .extracting(Diagnostic::path)
                .contains(AttributePath.of(invalid.attribute()));
    }

    @Test
    void schemaReportsUnknownMissingAndMistypedAttributesAllAtOnce() {
        Map<String, String> raw = new HashMap<>(validConfig(dataDirectory));
        raw.put("no_such_attribute", "x");
        List<AttributePath> expected = new ArrayList<>(List.of(AttributePath.of("no_such_attribute")));
        for (Attribute<?> attribute : factory().schema().attributes()) {
            if (attribute.required()) {
                raw.remove(attribute.name());
                expected.add(AttributePath.of(attribute.name()));
            } else if (attribute.type() != AttributeType.STRING
                    && attribute.type() != AttributeType.SECRET
                    && attribute.type() != AttributeType.PATH
                    && attribute.type() != AttributeType.WRITABLE_PATH) {
                raw.put(attribute.name(), "not a " + attribute.type());
                expected.add(AttributePath.of(attribute.name()));
            }
        }

        Diagnostics diagnostics = factory().validate(raw);

        assertThat(diagnostics.errors()).extracting(Diagnostic::path).containsAll(expected);
    }

    @Test
    void sensitiveConfigValuesPrintAsStars() {
        Map<String, String> raw = validConfig(dataDirectory);
        VaultConfig config = factory().schema().parse(raw).asOptional().orElseThrow();
        for (Attribute<?> attribute : factory().schema().attributes()) {
            if (attribute.sensitive() && raw.containsKey(attribute.name())) {
                assertThat(config.toString())
                        .doesNotContain(raw.get(attribute.name()))
                        .contains(attribute.name() + "=***");
            }
        }
        assertThat(factory().schema().attributes())
                .filteredOn(Attribute::sensitive)
                .allSatisfy(a -> assertThat(a.printable("anything")).isEqualTo("***"));
    }

    // ---- reading and writing --------------------------------------------------------------

    @Test
    void putThenReadReturnsTheSameBytes() {
        SecretPath path = SecretPath.parse("tck/round-trip");
        VersionMetadata written = put(path, AWKWARD_TEXT);

        try (Secret secret = vault.read(path).orElseThrow()) {
            assertThat(secret.value().utf8()).contains(AWKWARD_TEXT);
            assertThat(secret.path()).isEqualTo(path);
            assertThat(secret.metadata()).isEqualTo(written);
            assertThat(written.version()).isEqualTo(1);
            assertThat(written.isReadable()).isTrue();
        }
    }

    @Test
    void storedValueDoesNotDependOnTheCallersArray() {
        SecretPath path = SecretPath.parse("tck/copied");
        SecretValue value = SecretValue.ofUtf8("kept after close");
        vault.put(path, value, PutOptions.NONE);
        value.close();

        assertThat(readText(path)).contains("kept after close");
    }

    @Test
    void metadataIsStoredWithTheVersion() {
        SecretPath path = SecretPath.parse("tck/metadata");
        PutOptions options =
                PutOptions.NONE.withMetadata("key_id", "k-123").withMetadata("expires_at", "2027-01-01T00:00:00Z");
        try (SecretValue value = SecretValue.ofUtf8("v")) {
            vault.put(path, value, options);
        }

        try (Secret secret = vault.read(path).orElseThrow()) {
            assertThat(secret.metadata().metadata())
                    .isEqualTo(Map.of("key_id", "k-123", "expires_at", "2027-01-01T00:00:00Z"));
        }
    }

    @Test
    void overwriteCreatesTheNextVersion() {
        SecretPath path = SecretPath.parse("tck/overwrite");
        put(path, "one");
        VersionMetadata second = put(path, "two");

        assertThat(second.version()).isEqualTo(2);
        assertThat(readText(path)).contains("two");
        assertThat(vault.versions(path)).extracting(VersionMetadata::version).containsExactly(1L, 2L);
    }

    @Test
    void olderVersionsStayReadable() {
        SecretPath path = SecretPath.parse("tck/history");
        put(path, "one");
        put(path, "two");
        put(path, "three");

        assertThat(readText(path, 1)).contains("one");
        assertThat(readText(path, 2)).contains("two");
        assertThat(readText(path, 3)).contains("three");
        assertThat(vault.read(path, 4)).isEmpty();
    }

    @Test
    void missingPathReadsAsEmpty() {
        SecretPath path = SecretPath.parse("tck/never/written");

        assertThat(vault.read(path)).isEmpty();
        assertThat(vault.read(path, 1)).isEmpty();
        assertThat(vault.versions(path)).isEmpty();
    }

    // ---- check-and-set --------------------------------------------------------------------

    @Test
    void checkAndSetAgainstAStaleVersionIsRejectedAndWritesNothing() {
        SecretPath path = SecretPath.parse("tck/cas");
        put(path, "one");
        put(path, "two");

        assertThatThrownBy(() -> put(path, "stale", PutOptions.checkAndSet(1)))
                .isInstanceOfSatisfying(CheckAndSetConflictException.class, conflict -> {
                    assertThat(conflict.expectedVersion()).isEqualTo(1);
                    assertThat(conflict.currentVersion()).isEqualTo(2);
                    assertThat(conflict.path()).isEqualTo(path);
                });
        assertThat(readText(path)).contains("two");
        assertThat(put(path, "three", PutOptions.checkAndSet(2)).version()).isEqualTo(3);
    }

    @Test
    void checkAndSetZeroCreatesOnlyWhenThePathIsNew() {
        SecretPath path = SecretPath.parse("tck/cas-zero");

        assertThat(put(path, "first", PutOptions.checkAndSet(0)).version()).isEqualTo(1);
        assertThatThrownBy(() -> put(path, "second", PutOptions.checkAndSet(0)))
                .isInstanceOf(CheckAndSetConflictException.class);
        assertThat(readText(path)).contains("first");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eightCheckAndSetWritersLoseNoUpdate() throws Exception {
        SecretPath counter = SecretPath.parse("tck/counter");
        put(counter, "0");
        int threads = 8;
        int increments = concurrentIncrementsPerThread();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < increments; i++) {
                        incrementWithCheckAndSet(counter, conflicts);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        try (Secret last = vault.read(counter).orElseThrow()) {
            assertThat(last.value().utf8()).contains(String.valueOf(threads * increments));
            assertThat(last.version()).isEqualTo(threads * increments + 1L);
        }
    }

    private void incrementWithCheckAndSet(SecretPath counter, AtomicInteger conflicts) {
        while (true) {
            long version;
            long count;
            try (Secret current = vault.read(counter).orElseThrow()) {
                version = current.version();
                count = Long.parseLong(current.value().utf8().orElseThrow());
            }
            try {
                put(counter, String.valueOf(count + 1), PutOptions.checkAndSet(version));
                return;
            } catch (CheckAndSetConflictException lostTheRace) {
                conflicts.incrementAndGet();
            }
        }
    }

    // ---- delete and undelete --------------------------------------------------------------

    @Test
    void deletedVersionIsHiddenButKeepsItsNumber() {
        SecretPath path = SecretPath.parse("tck/delete");
        put(path, "one");
        put(path, "two");

        vault.delete(path, 2);

        assertThat(vault.read(path)).isEmpty();
        assertThat(vault.read(path, 2)).isEmpty();
        assertThat(readText(path, 1)).contains("one");
        assertThat(vault.versions(path))
                .filteredOn(v -> v.version() == 2)
                .singleElement()
                .satisfies(v -> assertThat(v.deletedAt()).isPresent());
        assertThat(put(path, "three").version()).isEqualTo(3);
    }

    @Test
    void deleteIsIdempotentAndIgnoresUnknownVersions() {
        SecretPath path = SecretPath.parse("tck/delete-twice");
        put(path, "one");

        vault.delete(path, 1);
        assertThatCode(() -> vault.delete(path, 1)).doesNotThrowAnyException();
        assertThatCode(() -> vault.delete(path, 7)).doesNotThrowAnyException();
        assertThatCode(() -> vault.delete(SecretPath.parse("tck/not-there"), 1)).doesNotThrowAnyException();
        assertThat(vault.read(path, 1)).isEmpty();
    }

    @Test
    void undeleteRestoresTheVersion() {
        SecretPath path = SecretPath.parse("tck/undelete");
        put(path, "one");
        vault.delete(path, 1);

        vault.undelete(path, 1);

        assertThat(readText(path)).contains("one");
        assertThat(vault.versions(path))
                .singleElement()
                .satisfies(v -> assertThat(v.isReadable()).isTrue());
    }

    @Test
    void undeleteOfAnUnknownVersionIsNotFound() {
        SecretPath path = SecretPath.parse("tck/undelete-unknown");
        put(path, "one");

        assertThatThrownBy(() -> vault.undelete(path, 5))
                .isInstanceOfSatisfying(
                        SecretNotFoundException.class,
                        e -> assertThat(e.version()).isEqualTo(5));
        assertThatThrownBy(() -> vault.undelete(SecretPath.parse("tck/nothing"), 1))
                .isInstanceOf(SecretNotFoundException.class);
    }

    // ---- listing and paths ----------------------------------------------------------------

    @Test
    void listReturnsThePathsBelowAPrefixSegmentBySegment() {
        for (String path : List.of("tck/list/a", "tck/list/b/c", "tck/listing", "other/x")) {
            put(SecretPath.parse(path), "v");
        }

        assertThat(vault.list(SecretPath.Prefix.parse("tck/list/")))
                .containsExactly(SecretPath.parse("tck/list/a"), SecretPath.parse("tck/list/b/c"));
        assertThat(vault.list(SecretPath.Prefix.parse("tck/list/b"))).containsExactly(SecretPath.parse("tck/list/b/c"));
        assertThat(vault.list(SecretPath.Prefix.parse("nothing"))).isEmpty();
        assertThat(vault.list(SecretPath.Prefix.ROOT))
                .containsExactly(
                        SecretPath.parse("other/x"),
                        SecretPath.parse("tck/list/a"),
                        SecretPath.parse("tck/list/b/c"),
                        SecretPath.parse("tck/listing"));
    }

    @Test
    void unusualButValidPathsAreStoredApart() {
        List<String> paths = List.of(
                "odd/_leaf",
                "odd/_leaf/child",
                "odd/.hidden",
                "odd/%2e%2e",
                "odd/with space",
                "odd/ünï/cødé",
                "odd/UPPER",
                "odd/a.b-c_d",
                "odd/..x",
                "odd/x..");
        for (String path : paths) {
            put(SecretPath.parse(path), "value of " + path);
        }

        for (String path : paths) {
            assertThat(readText(SecretPath.parse(path))).as(path).contains("value of " + path);
        }
        assertThat(vault.list(SecretPath.Prefix.parse("odd")))
                .extracting(SecretPath::value)
                .containsExactlyInAnyOrderElementsOf(paths);
    }

    @Test
    void pathsDifferingOnlyInCaseAreKeptApartOrRefusedButNeverMerged() {
        SecretPath upper = SecretPath.parse("case/KEY");
        SecretPath lower = SecretPath.parse("case/key");
        put(upper, "upper");

        try {
            put(lower, "lower");
            assertThat(readText(lower)).contains("lower");
            assertThat(vault.list(SecretPath.Prefix.parse("case"))).containsExactly(upper, lower);
        } catch (UnsupportedSecretException refused) {
            // A vault whose storage folds case (a dotenv file, a PKCS#12 alias) may refuse the second path.
            assertThat(refused.getMessage()).contains(lower.value());
            assertThat(vault.list(SecretPath.Prefix.parse("case"))).containsExactly(upper);
        }
        assertThat(readText(upper)).contains("upper");
        assertThat(vault.versions(upper)).hasSize(1);
    }

    @Test
    void pathTraversalIsRejectedBeforeReachingTheVault() {
        List<String> hostile = List.of(
                "../etc/passwd",
                "a/../../b",
                "./a",
                "a/.",
                "/etc/passwd",
                "a//b",
                "a/",
                "",
                "a/\u0000b",
                "a\nb",
                "a\\..\\b");
        for (String text : hostile) {
            assertThatThrownBy(() -> SecretPath.parse(text))
                    .as(text)
                    .isInstanceOf(InvalidSecretPathException.class)
                    .hasMessageStartingWith("Invalid secret path");
        }
        assertThatThrownBy(() -> vault.list(SecretPath.Prefix.parse("../x")))
                .isInstanceOf(InvalidSecretPathException.class);
    }

    // ---- secrecy, health, restart ---------------------------------------------------------

    @Test
    void secretValuesNeverAppearInToStringOrExceptionMessages() {
        String marker = "tck-marker-" + Long.toHexString(new SecureRandom().nextLong());
        SecretPath path = SecretPath.parse("tck/secrecy");
        put(path, marker);

        List<String> printed = new ArrayList<>();
        try (Secret secret = vault.read(path).orElseThrow()) {
            printed.add(secret.toString());
            printed.add(secret.value().toString());
        }
        printed.add(vault.toString());
        printed.add(vault.versions(path).toString());
        printed.add(vault.list(SecretPath.Prefix.ROOT).toString());
        printed.add(vault.health().toString());
        printed.add(messageOf(() -> put(path, marker, PutOptions.checkAndSet(0))));
        printed.add(messageOf(() -> vault.undelete(path, 9)));

        assertThat(printed).noneSatisfy(text -> assertThat(text).contains(marker));
    }

    @Test
    void healthIsUpOnWorkingStorage() {
        assertThat(vault.health().up()).as(vault.health().message()).isTrue();
    }

    @Test
    void dataSurvivesReopeningOnTheSameStorage() {
        SecretPath path = SecretPath.parse("tck/restart");
        put(path, "one");
        put(path, AWKWARD_TEXT, PutOptions.NONE.withMetadata("key_id", "k-1"));
        put(SecretPath.parse("tck/restart-deleted"), "gone");
        vault.delete(SecretPath.parse("tck/restart-deleted"), 1);

        reopen();

        assertThat(readText(path)).contains(AWKWARD_TEXT);
        assertThat(readText(path, 1)).contains("one");
        assertThat(vault.versions(path)).extracting(VersionMetadata::version).containsExactly(1L, 2L);
        assertThat(vault.versions(path).get(1).metadata()).containsEntry("key_id", "k-1");
        assertThat(vault.read(SecretPath.parse("tck/restart-deleted"))).isEmpty();
        assertThat(put(path, "three", PutOptions.checkAndSet(2)).version()).isEqualTo(3);
    }

    // ---- helpers for subclasses -----------------------------------------------------------

    /**
     * Writes text unconditionally.
     *
     * @param path where
     * @param text what
     * @return the new version's metadata
     */
    protected final VersionMetadata put(SecretPath path, String text) {
        return put(path, text, PutOptions.NONE);
    }

    /**
     * Writes text with options.
     *
     * @param path    where
     * @param text    what
     * @param options check-and-set and metadata
     * @return the new version's metadata
     */
    protected final VersionMetadata put(SecretPath path, String text, PutOptions options) {
        try (SecretValue value = SecretValue.ofUtf8(text)) {
            return vault.put(path, value, options);
        }
    }

    /**
     * Reads the latest version as text.
     *
     * @param path where
     * @return the text, or empty when not readable
     */
    protected final Optional<String> readText(SecretPath path) {
        return vault.read(path).flatMap(VaultProviderContract::textOf);
    }

    /**
     * Reads one version as text.
     *
     * @param path    where
     * @param version which
     * @return the text, or empty when not readable
     */
    protected final Optional<String> readText(SecretPath path, long version) {
        return vault.read(path, version).flatMap(VaultProviderContract::textOf);
    }

    private static Optional<String> textOf(Secret secret) {
        try (secret) {
            return secret.value().utf8();
        }
    }

    private static String messageOf(Runnable action) {
        try {
            action.run();
            return "";
        } catch (RuntimeException failure) {
            return failure.getMessage() + " " + failure;
        }
    }
}
