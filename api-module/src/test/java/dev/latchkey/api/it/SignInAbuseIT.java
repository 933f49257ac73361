package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in abuse costs the server little and cannot lock out someone else. The shared server trusts
 * loopback as a proxy, so each test plays its attacker from an address of its own in X-Forwarded-For.
 */
@ExtendWith(LatchkeyServerExtension.class)
class SignInAbuseIT {
    private static final int BAD_SIGN_INS = 600;
    private static final int WARM_UP = BAD_SIGN_INS;
    private static final double CPU_SECONDS_ALLOWED = 3.0;

    private LatchkeyServer server;
    private Api home;

    @BeforeEach
    void connect(LatchkeyServer started) {
        server = started;
        home = new Api(started);
    }

    @Test
    void sixHundredBadSignInsOfEveryKindCostLessThanThreeCpuSecondsAndLockOutNoOneElse() throws IOException {
        // A server that has not run these paths yet spends seconds of CPU compiling them (measured here: 3.6 s for
        // the first 300 bad sign-ins, 1.9 s for the next 300, then 1.7-1.9 s per 600). That is paid once per start,
        // not per attack, so the same sequence is sent first from another address and not measured.
        badSignIns(home.from(Api.testNetAddress()), WARM_UP);
        Api attacker = home.from(Api.testNetAddress());
        long ticksBefore = cpuTicks(server.pid());
        long compilingBefore = compilerTicks(server.pid());
        int refused = badSignIns(attacker, BAD_SIGN_INS);
        // What the JIT compilers still spend on these paths after the warm-up varies from run to run (one run measured
        // 3.58 s in all where 1.6-1.9 s is usual) and is not a cost of the requests, so it is taken out; the rest
        // counts.
        long compiling = compilerTicks(server.pid()) - compilingBefore;
        double cpuSeconds = (cpuTicks(server.pid()) - ticksBefore - compiling) / (double) clockTicksPerSecond();

        assertThat(cpuSeconds)
                .as("server CPU seconds for %d bad sign-ins", BAD_SIGN_INS)
                .isLessThan(CPU_SECONDS_ALLOWED);
        assertThat(refused)
                .as("refused without hashing once the address had 30 failures")
                .isGreaterThanOrEqualTo(BAD_SIGN_INS - 30);
        assertThat(home.post(
                                "/api/v1/auth/tokens",
                                Credential.NONE,
                                Map.of("email", LatchkeyServer.OWNER_EMAIL, "password", LatchkeyServer.OWNER_PASSWORD))
                        .status())
                .as("the owner, from another address")
                .isEqualTo(201);
    }

    @Test
    void failuresFromOneAddressNeverLockOutTheRightPasswordFromAnother() {
        String email = "target-" + UUID.randomUUID() + "@latchkey.test";
        String password = "the-right-password-" + UUID.randomUUID();
        assertThat(home.post(
                                "/api/v1/users",
                                home.owner(),
                                Map.of(
                                        "email",
                                        email,
                                        "name",
                                        "Target",
                                        "role",
                                        "workspace_user",
                                        "password",
                                        password))
                        .status())
                .isEqualTo(201);
        Api attacker = home.from(Api.testNetAddress());
        for (int attempt = 1; attempt <= 12; attempt++) {
            attacker.post(
                    "/api/v1/auth/tokens", Credential.NONE, Map.of("email", email, "password", "wrong-" + attempt));
        }

        assertThat(attacker.post("/api/v1/auth/tokens", Credential.NONE, Map.of("email", email, "password", password))
                        .status())
                .as("the attacking address is locked out of this account")
                .isEqualTo(429);
        assertThat(home.from(Api.testNetAddress())
                        .post("/api/v1/auth/tokens", Credential.NONE, Map.of("email", email, "password", password))
                        .status())
                .as("the person, from their own address")
                .isEqualTo(201);
    }

    /** Sends {@code count} failing sign-ins (malformed emails, rotating unknown ones, wrong passwords); returns how many got 429. */
    private static int badSignIns(Api from, int count) {
        int refused = 0;
        for (int i = 0; i < count; i++) {
            String email = switch (i % 3) {
                case 0 -> "not an email " + i;
                case 1 -> "rotating-" + UUID.randomUUID() + "@latchkey.test";
                default -> LatchkeyServer.OWNER_EMAIL;
            };
            Reply reply =
                    from.post("/api/v1/auth/tokens", Credential.NONE, Map.of("email", email, "password", "guess-" + i));
            assertThat(reply.status()).as("attempt %d: %s", i, reply.body()).isIn(401, 429);
            refused += reply.status() == 429 ? 1 : 0;
        }
        return refused;
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/pid/stat, after the command name). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * utime + stime of the JIT compiler threads (named "C1 CompilerThread…", "C2 CompilerThread…", which the kernel
     * truncates to 15 characters). A compiler thread that ends between two readings takes its ticks with it, so the
     * difference can only understate compiling, never the requests' own cost.
     */
    private static long compilerTicks(long pid) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while the tasks were listed
                }
            }
        }
        return ticks;
    }

    private static long clockTicksPerSecond() throws IOException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                .redirectErrorStream(true)
                .start();
        String out = new String(getconf.getInputStream().readAllBytes()).strip();
        return out.matches("\\d+") ? Long.parseLong(out) : 100;
    }
}
