package dev.latchkey.api.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One running {@code target/latchkey.jar}, started as a separate process exactly as a user would
 * start it, for black-box HTTP tests.
 *
 * <p>Obtain it through {@link LatchkeyServerExtension}, which starts it once per test JVM and
 * stops it after the last test class. The server runs with production defaults (argon2 cost
 * included) and an embedded database in a data directory wiped before each start, whose plugins
 * directory holds the example keystore plugin and two broken plugins ({@link TestPlugins}).
 *
 * <p>When the system property {@code latchkey.it.db.url} names a PostgreSQL database (failsafe's
 * {@code postgresql} execution sets it, with {@code latchkey.it.db.user} and
 * {@code latchkey.it.db.password}), the shared server uses that database instead, its schema
 * dropped and recreated before the start so that each pass begins empty.
 */
public final class LatchkeyServer implements AutoCloseable {

    /** The owner account the server is told to create on first start. */
    public static final String OWNER_EMAIL = "owner@latchkey.test";
    /** The owner's password; tests search the server log to prove it never appears there. */
    public static final String OWNER_PASSWORD = "Correct-Horse-Battery-Staple-42";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_LINES_ON_FAILURE = 50;
    /** Payara Micro's last boot line, written after it has tried to deploy the application. */
    private static final String BOOT_FINISHED = ") ready in ";
    /** The readiness check Payara reports while no application is deployed. */
    private static final String NO_APPLICATION = "No Application deployed";

    private final Process process;
    private final URI baseUri;
    private final Path dataDir;
    private final Path logFile;
    /** Where this process's output starts in {@link #logFile}, which a restart appends to. */
    private final long logStart;

    private final HttpClient client;
    private final Thread killOnExit;

    /** The environment variables this server was started with on top of the usual ones; a restart keeps them. */
    private Map<String, String> settings = Map.of();

    private LatchkeyServer(Process process, URI baseUri, Path dataDir, Path logFile, long logStart) {
        this.process = process;
        this.baseUri = baseUri;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.logStart = logStart;
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // If the test JVM is killed (Ctrl-C, failsafe timeout), the server must not outlive it.
        this.killOnExit = new Thread(this::kill, "latchkey-server-reaper");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the jar named by the system property {@code latchkey.it.jar} (failsafe sets it and
     * its siblings; the defaults suit a run from the module directory) and waits until it is ready.
     */
    static LatchkeyServer start() {
        Path dataDir = pathProperty("latchkey.it.data-dir", "target/it-data");
        deleteRecursively(dataDir);
        // External plugins load only at start-up, so they must be in place before the one shared server starts.
        TestPlugins.install(dataDir.resolve("plugins"));
        Path logFile = pathProperty("latchkey.it.log", "target/it-server.log");
        deleteRecursively(logFile);
        Map<String, String> database =
                sharedDatabase().map(LatchkeyServer::emptied).orElse(Map.of());
        return launch(dataDir, logFile, database);
    }

    /** The server settings naming the database of this pass, if it is not the embedded one. */
    private static Optional<Map<String, String>> sharedDatabase() {
        String url = System.getProperty("latchkey.it.db.url", "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Map.of(
                "LATCHKEY_DB_URL", url,
                "LATCHKEY_DB_USER", System.getProperty("latchkey.it.db.user", ""),
                "LATCHKEY_DB_PASSWORD", System.getProperty("latchkey.it.db.password", "")));
    }

    /** Drops and recreates the public schema of that database, so that Flyway migrates it from nothing. */
    private static Map<String, String> emptied(Map<String, String> database) {
        try (Connection connection = DriverManager.getConnection(
                        database.get("LATCHKEY_DB_URL"),
                        database.get("LATCHKEY_DB_USER"),
                        database.get("LATCHKEY_DB_PASSWORD"));
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot empty the test database " + database.get("LATCHKEY_DB_URL") + ": " + e.getMessage(), e);
        }
        return database;
    }

    /**
     * Starts another server of the same jar with the same settings on its own, freshly wiped data
     * directory {@code dataDir}, logging to {@code logFile}; for the few tests that must crash or
     * restart a server, which the shared one must never be.
     *
     * <p>These servers always use the embedded database in their own data directory, also in the
     * PostgreSQL pass: the shared server is using that pass's database at the same time, and a second
     * server on it would see (and create) another owner and other keys.
     */
    static LatchkeyServer startSeparate(Path dataDir, Path logFile) {
        return startSeparate(dataDir, logFile, Map.of());
    }

    /** Like {@link #startSeparate(Path, Path)}, with these environment variables set over the usual ones. */
    static LatchkeyServer startSeparate(Path dataDir, Path logFile, Map<String, String> settings) {
        deleteRecursively(dataDir);
        deleteRecursively(logFile);
        return launch(
                dataDir.toAbsolutePath().normalize(), logFile.toAbsolutePath().normalize(), settings);
    }

    private static LatchkeyServer launch(Path dataDir, Path logFile, Map<String, String> settings) {
        Path jar = pathProperty("latchkey.it.jar", "target/latchkey.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after 'mvn package' builds it");
        }
        int port = freePort();
        long logStart = logFile.toFile().length();

        // The test JVM runs on the JDK that Maven runs on, which the build already requires to be 21+.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString(),
                        "--port",
                        Integer.toString(port))
                .redirectErrorStream(true)
                // Appended, so that a restarted server's log follows the one before the crash.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("LATCHKEY_DATA_DIR", dataDir.toString());
        env.put("LATCHKEY_OWNER_EMAIL", OWNER_EMAIL);
        env.put("LATCHKEY_OWNER_PASSWORD", OWNER_PASSWORD);
        env.put("LATCHKEY_TESTING_CLOCK_CONTROL", "true");
        // Scheduled job runs would race the tests that start jobs by hand and see them refused; keep them out of a run.
        env.put("LATCHKEY_JOBS_INTERVAL", "PT6H");
        // The tests' file, env and keystore vaults live in JUnit's temporary directories, outside the data directory.
        env.put(
                "LATCHKEY_PLUGINS_WRITE_ROOTS",
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString());
        // Loopback is a trusted proxy, so tests can play clients from other addresses (Api.from) in X-Forwarded-For.
        env.put("LATCHKEY_HTTP_TRUSTED_PROXIES", "127.0.0.1/32, ::1/128");
        // A database named in the developer's own environment must not leak into the tests.
        env.keySet().removeIf(name -> name.startsWith("LATCHKEY_DB_"));
        env.putAll(settings);

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + java, e);
        }
        LatchkeyServer server =
                new LatchkeyServer(process, URI.create("http://127.0.0.1:" + port + "/"), dataDir, logFile, logStart);
        server.settings = Map.copyOf(settings);
        try {
            server.awaitReady();
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Kills the server with SIGKILL, as a crash or the OOM killer would: no shutdown hook runs and
     * the database is not closed. Requests in flight fail; {@link #restart()} starts it again.
     */
    void crash() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "the killed server did not exit within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing Latchkey", e);
        }
    }

    /** Stops this server if it still runs and starts the jar again on the same data directory, keeping its state. */
    LatchkeyServer restart() {
        close();
        return launch(dataDir, logFile, settings);
    }

    /** The server's root, e.g. {@code http://127.0.0.1:41234/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Resolves a path such as {@code /api/v1/ping} against the server's root. */
    public URI uri(String path) {
        return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** A request builder aimed at {@code path}, to finish with headers, method and body. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    /** Sends a request and reads the body as UTF-8 text. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    /** {@code GET path} with {@code Accept: application/json}. */
    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json").GET().build());
    }

    /** The server's operating-system process id, to inspect what it holds open and read its CPU time. */
    public long pid() {
        return process.pid();
    }

    /** The server's data directory (embedded database and other state). */
    public Path dataDir() {
        return dataDir;
    }

    /** Whether this server keeps its data in the embedded database in {@link #dataDir()} rather than in PostgreSQL. */
    public boolean usesEmbeddedDatabase() {
        return !settings.containsKey("LATCHKEY_DB_URL");
    }

    /** The file that receives the server's stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    /** Everything the server has logged so far. */
    public String log() {
        try {
            return Files.readString(logFile, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and everything it started; waits for it so the data directory is released. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and the hook is running or has run.
        }
    }

    private void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // SIGTERM: Payara shuts down cleanly and H2 closes its file
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest ready =
                request("/health/ready").timeout(Duration.ofSeconds(5)).GET().build();
        String lastAnswer = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Latchkey exited with code " + process.exitValue() + " before it was ready" + logTail());
            }
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString(UTF_8));
                // The build sets mp.health.default.readiness.empty.response=DOWN, so UP means the application is
                // deployed and its checks pass.
                if (response.statusCode() == 200
                        && Json.parse(response.body()).path("status").asText().equals("UP")) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
                if (lastAnswer.contains(NO_APPLICATION) && ownLog().contains(BOOT_FINISHED)) {
                    // Payara Micro keeps running when the deployment fails; waiting longer would only hide the cause.
                    throw new IllegalStateException("Latchkey booted but the application failed to deploy" + logTail());
                }
            } catch (ConnectException e) {
                lastAnswer = "connection refused";
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Latchkey", e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Latchkey was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; last answer of /health/ready: " + lastAnswer + logTail());
    }

    /** What this process has logged, without the output of the run before a restart. */
    private String ownLog() {
        try {
            byte[] all = Files.readAllBytes(logFile);
            int start = Math.toIntExact(logStart);
            return new String(all, start, all.length - start, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        try (Stream<String> lines = Files.lines(logFile, UTF_8)) {
            List<String> all = lines.toList();
            List<String> tail = all.subList(Math.max(0, all.size() - LOG_LINES_ON_FAILURE), all.size());
            return "\n--- last " + tail.size() + " lines of " + logFile + " ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "\n(cannot read " + logFile + ": " + e + ")";
        }
    }

    private static Path pathProperty(String name, String fallback) {
        return Path.of(System.getProperty(name, fallback)).toAbsolutePath().normalize();
    }

    private static int freePort() {
        // The port may be taken again before the server binds it; a clash fails loudly at startup.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Latchkey", e);
        }
    }
}
