package dev.latchkey.api.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs against Parsson and Yasson at the versions Payara Micro ships (see the POM). */
class RequestBodyTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    /** A sign-in body; {@code x} is a member it does not know, which Yasson skips. */
    public record SignIn(String email) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"x\":[",
                "{\"x\":[1}",
                "{\"a\":{\"b\":1",
                "{\"email\":\"a@b.c\",\"x\":{\"y\":[",
                "{",
                "[",
                "{\"a\":1} {",
                "nul",
                "{'a':1}"
            })
    void truncatedOrBrokenJsonIsRefusedAtOnce(String body) {
        assertTimeoutPreemptively(
                AT_ONCE,
                () -> assertThatThrownBy(() -> RequestBody.requireWellFormedJson(body.getBytes(UTF_8)))
                        .isInstanceOf(RequestBody.MalformedException.class));
    }

    @ParameterizedTest
    @ValueSource(ints = {RequestBody.MAX_DEPTH + 1, 1_001, 20_000})
    void nestingPastTheLimitIsRefusedAsMalformedNotAsAnUnexpectedFailure(int depth) {
        // Parsson's own limit (1000) throws a bare RuntimeException, which the server answered with a 500.
        String body = "[".repeat(depth) + "]".repeat(depth);

        assertThatThrownBy(() -> RequestBody.requireWellFormedJson(body.getBytes(UTF_8)))
                .isInstanceOf(RequestBody.MalformedException.class)
                .hasMessageContaining("deeper than " + RequestBody.MAX_DEPTH);
    }

    @Test
    void nestingAtTheLimitPasses() throws Exception {
        String body = "{\"a\":".repeat(RequestBody.MAX_DEPTH - 1) + "{}" + "}".repeat(RequestBody.MAX_DEPTH - 1);

        RequestBody.requireWellFormedJson(body.getBytes(UTF_8));
    }

    @Test
    void bytesThatAreNotTextAreRefused() {
        assertThatThrownBy(
                        () -> RequestBody.requireWellFormedJson(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xd8}))
                .isInstanceOf(RequestBody.MalformedException.class);
    }

    @Test
    @SuppressWarnings("try") // Jsonb.close() is declared to throw Exception; Yasson's never blocks or is interrupted
    void completeJsonWithUnknownMembersPassesAndStillBinds() throws Exception {
        byte[] body = "{\"x\":[1,{\"y\":[]}],\"email\":\"a@b.c\",\"z\":{\"w\":null}}".getBytes(UTF_8);

        RequestBody.requireWellFormedJson(body);

        try (Jsonb jsonb = JsonbBuilder.create()) {
            SignIn bound = assertTimeoutPreemptively(
                    AT_ONCE, () -> jsonb.fromJson(new ByteArrayInputStream(body), SignIn.class));
            assertThat(bound.email()).isEqualTo("a@b.c");
        }
    }

    @Test
    void emptyBodyIsLeftToTheOperation() throws Exception {
        RequestBody.requireWellFormedJson(new byte[0]);
    }

    @Test
    void bodyAtTheLimitIsReadWhole() throws Exception {
        byte[] body = new byte[RequestBody.MAX_BYTES];
        Arrays.fill(body, (byte) ' ');

        assertThat(RequestBody.read(new ByteArrayInputStream(body), OptionalLong.of(body.length)))
                .isEqualTo(body);
        assertThat(RequestBody.read(new ByteArrayInputStream(body), OptionalLong.empty()))
                .hasSize(RequestBody.MAX_BYTES);
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedWithoutReading() {
        AtomicLong read = new AtomicLong();
        InputStream endless = endless(read);

        assertThatThrownBy(() -> RequestBody.read(endless, OptionalLong.of(RequestBody.MAX_BYTES + 1L)))
                .isInstanceOf(RequestBody.TooLargeException.class);
        assertThat(read).hasValue(0);
    }

    @Test
    void undeclaredBodyIsRefusedOnceItPassesTheLimitNotAtItsEnd() {
        AtomicLong read = new AtomicLong();
        InputStream endless = endless(read);

        assertTimeoutPreemptively(
                AT_ONCE,
                () -> assertThatThrownBy(() -> RequestBody.read(endless, OptionalLong.empty()))
                        .isInstanceOf(RequestBody.TooLargeException.class));
        assertThat(read.get()).isBetween(RequestBody.MAX_BYTES + 1L, 2L * RequestBody.MAX_BYTES);
    }

    /**
     * Why the check exists: without it, the shipped Parsson spins for good when Yasson skips an unknown member of
     * truncated JSON (https://github.com/eclipse-ee4j/parsson/issues/23). Run in a child JVM, which can be killed, with
     * a complete body as the control. When this starts failing, upstream has fixed the loop; the check stays useful
     * (it also gives a clear 400), but this test has done its job.
     */
    @Test
    void shippedParssonStillSpinsWhenYassonSkipsTruncatedJson() throws Exception {
        assertThat(bindInChildJvm("{\"x\":[]}").waitFor(60, TimeUnit.SECONDS))
                .as("control: a complete body binds and exits")
                .isTrue();

        Process spinning = bindInChildJvm("{\"x\":[");
        try {
            assertThat(spinning.waitFor(3, TimeUnit.SECONDS))
                    .as("truncated body still being skipped after 3 s")
                    .isFalse();
        } finally {
            spinning.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts {@link UnguardedBinding} and returns once it is about to bind, so that start-up time is not counted. */
    private static Process bindInChildJvm(String body) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        UnguardedBinding.class.getName(),
                        body)
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(UnguardedBinding.BINDING)) {
                return child;
            }
        }
        throw new IllegalStateException("the child JVM exited before binding, code " + child.exitValue());
    }

    /** Binds its argument with Yasson directly, as the server did before {@link RequestBodyGuard}. */
    static final class UnguardedBinding {
        static final String BINDING = "binding";

        @SuppressWarnings("try") // as above: Jsonb.close() only declares Exception
        public static void main(String[] args) throws Exception {
            try (Jsonb jsonb = JsonbBuilder.create()) {
                System.out.println(BINDING);
                System.out.flush();
                try {
                    jsonb.fromJson(args[0], SignIn.class);
                } catch (RuntimeException e) {
                    // A refusal is an answer too; only a loop keeps this JVM alive.
                }
            }
        }
    }

    private static InputStream endless(AtomicLong read) {
        return new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) ' ');
                read.addAndGet(len);
                return len;
            }
        };
    }
}
