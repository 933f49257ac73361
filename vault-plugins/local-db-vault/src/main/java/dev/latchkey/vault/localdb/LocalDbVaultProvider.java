package dev.latchkey.vault.localdb;

import dev.latchkey.vault.spi.DestroyableVault;
import dev.latchkey.vault.spi.HealthStatus;
import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretNotFoundException;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.VaultUnavailableException;
import dev.latchkey.vault.spi.VersionMetadata;
import dev.latchkey.vault.spi.kit.SealedBox;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@code local-db} vault.
 *
 * <p>Envelope encryption: each version's value is sealed under a fresh random data key, and the
 * data key is sealed under the master key; both ciphertexts are bound to namespace, path and
 * version. Rotating the master key thus means rewrapping small keys, not re-encrypting values.
 *
 * <p>Every operation runs in one transaction. Writers of a path serialise on its row in
 * {@code vault_localdb_secret} ({@code SELECT ... FOR UPDATE}); the first write of a path relies on
 * the primary key instead, and a writer that loses such a race retries the whole transaction,
 * where a check-and-set then sees the winner's version. The SQL is plain enough for H2 2.x and
 * PostgreSQL 15 alike.
 */
final class LocalDbVaultProvider implements DestroyableVault {

    private static final List<String> DDL = List.of("""
            CREATE TABLE IF NOT EXISTS vault_localdb_secret (
                namespace VARCHAR(100) NOT NULL,
                path VARCHAR(512) NOT NULL,
                current_version BIGINT NOT NULL,
                PRIMARY KEY (namespace, path))""", """
            CREATE TABLE IF NOT EXISTS vault_localdb_version (
                namespace VARCHAR(100) NOT NULL,
                path VARCHAR(512) NOT NULL,
                version BIGINT NOT NULL,
                created_at_ms BIGINT NOT NULL,
                deleted_at_ms BIGINT,
                destroyed BOOLEAN NOT NULL,
                wrapped_key BYTEA,
                ciphertext BYTEA,
                PRIMARY KEY (namespace, path, version))""", """
            CREATE TABLE IF NOT EXISTS vault_localdb_metadata (
                namespace VARCHAR(100) NOT NULL,
                path VARCHAR(512) NOT NULL,
                version BIGINT NOT NULL,
                meta_key VARCHAR(200) NOT NULL,
                meta_value VARCHAR(4000) NOT NULL,
                PRIMARY KEY (namespace, path, version, meta_key))""");

    private static final int MAX_ATTEMPTS = 10;

    private final DataSource dataSource;
    private final String namespace;
    private final SealedBox master;
    private final long maxVersions;
    private final Clock clock;
    private final SecureRandom random;

    private LocalDbVaultProvider(
            DataSource dataSource,
            String namespace,
            SealedBox master,
            long maxVersions,
            Clock clock,
            SecureRandom random) {
        this.dataSource = dataSource;
        this.namespace = namespace;
        this.master = master;
        this.maxVersions = maxVersions;
        this.clock = clock;
        this.random = random;
    }

    /** Creates the tables when missing and returns the provider. */
    static LocalDbVaultProvider open(
            DataSource dataSource,
            String namespace,
            SealedBox master,
            long maxVersions,
            Clock clock,
            SecureRandom random)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
        return new LocalDbVaultProvider(dataSource, namespace, master, maxVersions, clock, random);
    }

    @Override
    public VersionMetadata put(SecretPath path, SecretValue value, PutOptions options) {
        return inTransaction("write \"" + path + "\"", connection -> {
            long current = lockCurrentVersion(connection, path);
            options.checkAgainst(path, current);
            long next = current + 1;
            setCurrentVersion(connection, path, current, next);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            insertVersion(connection, path, next, now, value);
            insertMetadata(connection, path, next, options.metadata());
            prune(connection, path, next - maxVersions);
            return VersionMetadata.created(next, now, options.metadata());
        });
    }

    @Override
    public Optional<Secret> read(SecretPath path) {
        return inTransaction("read \"" + path + "\"", connection -> {
            // Each statement sees the latest commits: writers may commit and prune the version just named current
            // before it is read. A pruned current version means a newer one exists, so look again.
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                long current = currentVersion(connection, path, false);
                if (current == 0) {
                    return Optional.empty();
                }
                Optional<Secret> secret = readVersion(connection, path, current);
                if (secret.isPresent() || currentVersion(connection, path, false) == current) {
                    return secret;
                }
            }
            throw new VaultUnavailableException("The local-db vault could not read \"" + path
                    + "\": it kept changing under heavy concurrent writes. Try again.");
        });
    }

    @Override
    public Optional<Secret> read(SecretPath path, long version) {
        return inTransaction("read \"" + path + "\"", connection -> readVersion(connection, path, version));
    }

    @Override
    public List<VersionMetadata> versions(SecretPath path) {
        return inTransaction("list versions of \"" + path + "\"", connection -> {
            Map<Long, Map<String, String>> metadata = metadataOf(connection, path);
            List<VersionMetadata> versions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT version, created_at_ms, deleted_at_ms, destroyed FROM vault_localdb_version
                    WHERE namespace = ? AND path = ? ORDER BY version""")) {
                bindPath(select, path);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        versions.add(metadataRow(rows, metadata.getOrDefault(rows.getLong("version"), Map.of())));
                    }
                }
            }
            return versions;
        });
    }

    @Override
    public List<SecretPath> list(SecretPath.Prefix prefix) {
        return inTransaction("list " + prefix, connection -> {
            List<SecretPath> paths = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT path FROM vault_localdb_secret WHERE namespace = ? AND path LIKE ? ESCAPE '\\'")) {
                select.setString(1, namespace);
                select.setString(2, prefix.isRoot() ? "%" : likeEscape(prefix.value()) + "/%");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        paths.add(SecretPath.parse(rows.getString(1)));
                    }
                }
            }
            // Sorted here, not in SQL: database collations disagree with each other and with String order.
            return paths.stream().filter(path -> path.isUnder(prefix)).sorted().toList();
        });
    }

    @Override
    public void delete(SecretPath path, long version) {
        inTransaction("delete \"" + path + "\"", connection -> update(connection, """
                UPDATE vault_localdb_version SET deleted_at_ms = ?
                WHERE namespace = ? AND path = ? AND version = ? AND deleted_at_ms IS NULL AND destroyed = FALSE""", path, version, clock.millis()));
    }

    @Override
    public void undelete(SecretPath path, long version) {
        inTransaction("undelete \"" + path + "\"", connection -> {
            int live = count(connection, """
                    SELECT COUNT(*) FROM vault_localdb_version
                    WHERE namespace = ? AND path = ? AND version = ? AND destroyed = FALSE""", path, version);
            if (live == 0) {
                throw new SecretNotFoundException(path, version);
            }
            return update(connection, """
                    UPDATE vault_localdb_version SET deleted_at_ms = NULL
                    WHERE namespace = ? AND path = ? AND version = ?""", path, version);
        });
    }

    @Override
    public void destroy(SecretPath path, long version) {
        inTransaction("destroy \"" + path + "\"", connection -> update(connection, """
                UPDATE vault_localdb_version SET destroyed = TRUE, wrapped_key = NULL, ciphertext = NULL
                WHERE namespace = ? AND path = ? AND version = ? AND destroyed = FALSE""", path, version));
    }

    @Override
    public HealthStatus health() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2)
                    ? HealthStatus.up("platform database reachable")
                    : HealthStatus.down("platform database did not answer within 2 s");
        } catch (SQLException failure) {
            return HealthStatus.down("platform database unreachable: " + failure.getMessage());
        }
    }

    @Override
    public void close() {
        // The data source belongs to the platform, which closes it.
    }

    @Override
    public String toString() {
        return "LocalDbVaultProvider[namespace=" + namespace + ", maxVersions=" + maxVersions + "]";
    }

    // ---- transactions -------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String action, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException failure) {
                    connection.rollback();
                    throw failure;
                }
            } catch (SQLException failure) {
                if (!isLostRace(failure) || attempt == MAX_ATTEMPTS) {
                    throw new VaultUnavailableException(
                            "The local-db vault could not " + action + ": " + failure.getMessage()
                                    + ". Check the platform database.",
                            failure);
                }
            }
        }
    }

    /** Duplicate key (two first writes of a path), serialisation failure, deadlock or lock timeout. */
    private static boolean isLostRace(SQLException failure) {
        String state = Optional.ofNullable(failure.getSQLState()).orElse("");
        return state.equals("23505") || state.startsWith("40") || state.equals("HYT00");
    }

    // ---- statements ---------------------------------------------------------------------------

    private long lockCurrentVersion(Connection connection, SecretPath path) throws SQLException {
        return currentVersion(connection, path, true);
    }

    private long currentVersion(Connection connection, SecretPath path, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT current_version FROM vault_localdb_secret WHERE namespace = ? AND path = ?"
                        + (forUpdate ? " FOR UPDATE" : ""))) {
            bindPath(select, path);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private void setCurrentVersion(Connection connection, SecretPath path, long current, long next)
            throws SQLException {
        String sql = current == 0
                ? "INSERT INTO vault_localdb_secret (current_version, namespace, path) VALUES (?, ?, ?)"
                : "UPDATE vault_localdb_secret SET current_version = ? WHERE namespace = ? AND path = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, next);
            statement.setString(2, namespace);
            statement.setString(3, path.value());
            statement.executeUpdate();
        }
    }

    private void insertVersion(Connection connection, SecretPath path, long version, Instant now, SecretValue value)
            throws SQLException {
        byte[] dataKey = SealedBox.newKey(random);
        byte[] plaintext = value.bytes();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO vault_localdb_version
                    (namespace, path, version, created_at_ms, deleted_at_ms, destroyed, wrapped_key, ciphertext)
                VALUES (?, ?, ?, ?, NULL, FALSE, ?, ?)""")) {
            bindPath(insert, path);
            insert.setLong(3, version);
            insert.setLong(4, now.toEpochMilli());
            insert.setBytes(5, master.seal(dataKey, associatedData(path, version, "data-key")));
            insert.setBytes(
                    6, SealedBox.withKey(dataKey, random).seal(plaintext, associatedData(path, version, "value")));
            insert.executeUpdate();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private void insertMetadata(Connection connection, SecretPath path, long version, Map<String, String> metadata)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO vault_localdb_metadata (namespace, path, version, meta_key, meta_value) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                bindPath(insert, path);
                insert.setLong(3, version);
                insert.setString(4, entry.getKey());
                insert.setString(5, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Removes versions up to {@code lastPruned}, keeping the newest {@code maxVersions}. */
    private void prune(Connection connection, SecretPath path, long lastPruned) throws SQLException {
        if (lastPruned < 1) {
            return;
        }
        for (String table : List.of("vault_localdb_metadata", "vault_localdb_version")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE namespace = ? AND path = ? AND version <= ?")) {
                bindPath(delete, path);
                delete.setLong(3, lastPruned);
                delete.executeUpdate();
            }
        }
    }

    private Optional<Secret> readVersion(Connection connection, SecretPath path, long version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT version, created_at_ms, deleted_at_ms, destroyed, wrapped_key, ciphertext FROM vault_localdb_version
                WHERE namespace = ? AND path = ? AND version = ?""")) {
            bindPath(select, path);
            select.setLong(3, version);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                VersionMetadata metadata =
                        metadataRow(rows, metadataOf(connection, path).getOrDefault(version, Map.of()));
                return metadata.isReadable()
                        ? Optional.of(new Secret(
                                path,
                                metadata,
                                decrypt(path, version, rows.getBytes("wrapped_key"), rows.getBytes("ciphertext"))))
                        : Optional.empty();
            }
        }
    }

    private SecretValue decrypt(SecretPath path, long version, byte[] wrappedKey, byte[] ciphertext) {
        byte[] dataKey = master.open(wrappedKey, associatedData(path, version, "data-key"));
        try {
            return SecretValue.adopt(
                    SealedBox.withKey(dataKey, random).open(ciphertext, associatedData(path, version, "value")));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private Map<Long, Map<String, String>> metadataOf(Connection connection, SecretPath path) throws SQLException {
        Map<Long, Map<String, String>> byVersion = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, meta_key, meta_value FROM vault_localdb_metadata WHERE namespace = ? AND path = ?")) {
            bindPath(select, path);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byVersion
                            .computeIfAbsent(rows.getLong(1), v -> new HashMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
        }
        return byVersion;
    }

    private static VersionMetadata metadataRow(ResultSet rows, Map<String, String> metadata) throws SQLException {
        long deleted = rows.getLong("deleted_at_ms");
        Optional<Instant> deletedAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deleted));
        return new VersionMetadata(
                rows.getLong("version"),
                Instant.ofEpochMilli(rows.getLong("created_at_ms")),
                deletedAt,
                rows.getBoolean("destroyed"),
                metadata);
    }

    private Boolean update(Connection connection, String sql, SecretPath path, long version, long... leadingValues)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (long value : leadingValues) {
                statement.setLong(index++, value);
            }
            statement.setString(index++, namespace);
            statement.setString(index++, path.value());
            statement.setLong(index, version);
            return statement.executeUpdate() > 0;
        }
    }

    private int count(Connection connection, String sql, SecretPath path, long version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindPath(statement, path);
            statement.setLong(3, version);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private void bindPath(PreparedStatement statement, SecretPath path) throws SQLException {
        statement.setString(1, namespace);
        statement.setString(2, path.value());
    }

    private byte[] associatedData(SecretPath path, long version, String purpose) {
        // NUL cannot occur in a namespace or a path, so the fields cannot run into each other.
        return ("latchkey-local-db\0" + namespace + "\0" + path.value() + "\0" + version + "\0" + purpose)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
