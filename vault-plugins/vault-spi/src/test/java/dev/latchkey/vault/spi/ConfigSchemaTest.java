package dev.latchkey.vault.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    private static final Attribute<Path> DIRECTORY = Attribute.path("directory")
            .description("Where.")
            .required()
            .requiresReplace()
            .build();
    private static final Attribute<Long> MAX = Attribute.integer("max_versions")
            .description("How many.")
            .defaultValue(10L)
            .validator(Validators.atLeast(1))
            .build();
    private static final Attribute<Duration> TIMEOUT = Attribute.duration("timeout")
            .description("How long.")
            .defaultValue(Duration.ofSeconds(5))
            .validator(Validators.positive())
            .build();
    private static final Attribute<String> TOKEN =
            Attribute.secret("token").description("The token.").build();
    private static final ConfigSchema SCHEMA = ConfigSchema.of(DIRECTORY, MAX, TIMEOUT, TOKEN);

    @Test
    void reportsEveryProblemAtItsAttributeInOneGo() {
        Result<VaultConfig> result = SCHEMA.parse(Map.of("max_versions", "ten", "timeout", "0s", "colour", "red"));

        assertThat(result).isInstanceOf(Result.Failed.class);
        assertThat(result.diagnostics().errors())
                .extracting(Diagnostic::path, Diagnostic::summary)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AttributePath.of("colour"), "Unknown attribute"),
                        org.assertj.core.groups.Tuple.tuple(
                                AttributePath.of("directory"), "Missing required attribute"),
                        org.assertj.core.groups.Tuple.tuple(AttributePath.of("max_versions"), "Wrong type"),
                        org.assertj.core.groups.Tuple.tuple(AttributePath.of("timeout"), "Duration must be positive"));
    }

    @Test
    void unknownAttributeDetailListsTheKnownOnes() {
        Diagnostic unknown = SCHEMA.parse(Map.of("directory", "/x", "colour", "red"))
                .diagnostics()
                .errors()
                .getFirst();

        assertThat(unknown.detail()).contains("directory, max_versions, timeout, token");
    }

    @Test
    void appliesDefaultsAndParsesTypes() {
        VaultConfig config = SCHEMA.parse(Map.of("directory", "/var/x", "timeout", "2m"))
                .asOptional()
                .orElseThrow();

        assertThat(config.require(DIRECTORY)).isEqualTo(Path.of("/var/x"));
        assertThat(config.require(MAX)).isEqualTo(10L);
        assertThat(config.require(TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.value(TOKEN)).isEmpty();
    }

    @Test
    void neverQuotesSensitiveValues() {
        Attribute<Long> pin =
                Attribute.integer("pin").description("A PIN.").sensitive().build();
        ConfigSchema schema = ConfigSchema.of(pin, TOKEN);

        Result<VaultConfig> wrong = schema.parse(Map.of("pin", "hunter2"));
        VaultConfig right = schema.parse(Map.of("pin", "1234", "token", "s3cr3t"))
                .asOptional()
                .orElseThrow();

        assertThat(wrong.diagnostics().toString()).doesNotContain("hunter2");
        assertThat(right.toString()).isEqualTo("VaultConfig{pin=***, token=***}");
        assertThat(TOKEN.sensitive()).isTrue();
    }

    @Test
    void namesChangesThatRequireANewVault() {
        VaultConfig before = SCHEMA.parse(Map.of("directory", "/a", "max_versions", "3"))
                .asOptional()
                .orElseThrow();
        VaultConfig after = SCHEMA.parse(Map.of("directory", "/b", "max_versions", "4"))
                .asOptional()
                .orElseThrow();

        assertThat(SCHEMA.changesRequiringReplace(before, after)).containsExactly("directory");
        assertThat(SCHEMA.changesRequiringReplace(before, before)).isEmpty();
    }

    @Test
    void rejectsDeclarationMistakesOfPluginAuthors() {
        assertThatThrownBy(() -> Attribute.string("Bad-Name").description("x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attribute.string("name").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attribute.string("name")
                        .description("x")
                        .required()
                        .defaultValue("d")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigSchema.of(MAX, MAX)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedResultRequiresAnErrorAndOkRefusesOne() {
        Diagnostic warning = Diagnostic.warning("x", "Heads up", "Nothing to do.");
        Diagnostic error = Diagnostic.error("x", "Broken", "Fix it.");

        assertThatThrownBy(() -> Result.failed(Diagnostics.of(warning))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Result.Ok<>("v", Diagnostics.of(error)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Result.ok("v")
                        .withWarnings(Diagnostics.of(warning))
                        .diagnostics()
                        .warnings())
                .containsExactly(warning);
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        assertThat(AttributeType.DURATION.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(AttributeType.DURATION.parse("7d")).contains(Duration.ofDays(7));
        assertThat(AttributeType.DURATION.parse("PT30S")).contains(Duration.ofSeconds(30));
        assertThat(AttributeType.DURATION.parse("soon")).isEmpty();
        assertThat(AttributeType.BOOLEAN.parse("yes")).isEmpty();
    }
}
