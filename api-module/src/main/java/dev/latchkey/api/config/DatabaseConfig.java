package dev.latchkey.api.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where Latchkey's database lives: the JDBC URL in {@value #URL} if one is set, otherwise an
 * embedded H2 file database inside the data directory.
 */
public record DatabaseConfig(String url, Optional<String> user, Optional<String> password) {

    public static final String URL = "latchkey.db.url";
    public static final String USER = "latchkey.db.user";
    public static final String PASSWORD = "latchkey.db.password";
    /**
     * The JNDI name of the application's one data source, defined by the persistence layer and also named by
     * persistence.xml; a shared name, so that the plugin registry can look it up without importing persistence.
     */
    public static final String DATA_SOURCE = "java:app/jdbc/latchkey";

    /** File name stem of the embedded database; H2 adds {@code .mv.db}. */
    static final String EMBEDDED_NAME = "latchkey";

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException(URL + " must be a JDBC URL starting with jdbc:, got " + url);
        }
    }

    /** Reads the database settings; creates the data directory if the embedded database is used. */
    public static DatabaseConfig from(Config config) {
        String url = config.getOptionalValue(URL, String.class)
                .filter(value -> !value.isBlank())
                .orElseGet(() -> {
                    Path dataDir = LatchkeyConfig.dataDir(config);
                    DataDirectory.createPrivateFile(dataDir.resolve(EMBEDDED_NAME + ".mv.db"));
                    return embeddedH2(dataDir);
                });
        return new DatabaseConfig(
                url, config.getOptionalValue(USER, String.class), config.getOptionalValue(PASSWORD, String.class));
    }

    /**
     * The URL of the embedded database in {@code dataDir}, which must be absolute: H2 2.x refuses
     * paths that are implicitly relative to the working directory.
     */
    static String embeddedH2(Path dataDir) {
        if (!dataDir.isAbsolute()) {
            throw new IllegalArgumentException("embedded H2 needs an absolute data directory, got " + dataDir);
        }
        String path = dataDir.resolve(EMBEDDED_NAME).toString();
        if (path.indexOf(';') >= 0) {
            // H2 reads ';' as the start of its settings, so such a path would silently open another file.
            throw new IllegalArgumentException(LatchkeyConfig.DATA_DIR + " must not contain ';', got " + dataDir);
        }
        // The pool closes connections on shutdown; H2's own JVM hook would race it and log errors.
        // WRITE_DELAY=0: H2's default (500 ms) leaves a commit in memory until a background thread stores it, so a
        // crash loses transactions that were already answered 2xx. With 0, H2 2.2 stores every commit itself
        // (MVStore.commit in TransactionStore.commit) before the statement returns.
        return "jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** Whether this is the embedded H2 database rather than an external server. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "***" : "") + "]";
    }
}
