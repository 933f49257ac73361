package dev.latchkey.examples.keystore;

import dev.latchkey.vault.spi.HealthStatus;
import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretNotFoundException;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultUnavailableException;
import dev.latchkey.vault.spi.VersionMetadata;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * A vault in a PKCS#12 keystore: each version of a secret is one {@link KeyStore.SecretKeyEntry},
 * encrypted by the keystore itself under the configured password (PBE with AES-256 in current
 * JDKs), holding the value and its {@link VersionMetadata} as a {@link VersionEntry}.
 *
 * <p>Aliases read {@code <path>@<version>}, so {@code keytool -list} shows what is stored. PKCS#12
 * folds aliases to lower case, so every character but {@code a-z 0-9 / . _ -} is written as
 * {@code %xx} (UTF-8, lower-case hex): {@code Db/Key} becomes {@code %44b/%4bey@1}.
 *
 * <p>The whole keystore stays in memory and is rewritten atomically after each change; one lock
 * ({@code synchronized}) serialises all calls, which is simple and ample for a file of this kind.
 * Destroy is not offered: removing an entry would lose its version number.
 */
final class KeystoreVaultProvider implements VaultProvider {

    private static final String VERSION_MARK = "@";

    private final Path file;
    private final char[] password;
    private final Clock clock;
    private final KeyStore keyStore;

    private KeystoreVaultProvider(Path file, char[] password, Clock clock, KeyStore keyStore) {
        this.file = file;
        this.password = password;
        this.clock = clock;
        this.keyStore = keyStore;
    }

    /** Loads the keystore, or creates an empty one, with this password. */
    static KeystoreVaultProvider open(Path file, char[] password, Clock clock)
            throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, password);
            }
        } else {
            keyStore.load(null, password);
        }
        KeystoreVaultProvider provider = new KeystoreVaultProvider(file, password, clock, keyStore);
        AtomicFileWriter.DURABLE.createDirectories(file.toAbsolutePath().getParent());
        provider.save();
        return provider;
    }

    @Override
    public synchronized VersionMetadata put(SecretPath path, SecretValue value, PutOptions options) {
        long current = currentVersion(path);
        options.checkAgainst(path, current);
        VersionMetadata metadata = VersionMetadata.created(current + 1, clock.instant(), options.metadata());
        byte[] bytes = value.bytes();
        try {
            setEntry(path, new VersionEntry(metadata, bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return metadata;
    }

    @Override
    public synchronized Optional<Secret> read(SecretPath path) {
        return read(path, currentVersion(path));
    }

    @Override
    public synchronized Optional<Secret> read(SecretPath path, long version) {
        return entry(path, version)
                .filter(entry -> entry.metadata().isReadable())
                .map(entry -> new Secret(path, entry.metadata(), SecretValue.adopt(entry.value())));
    }

    @Override
    public synchronized List<VersionMetadata> versions(SecretPath path) {
        return aliases().stream()
                .filter(alias -> alias.startsWith(aliasPrefix(path)))
                .mapToLong(alias ->
                        Long.parseLong(alias.substring(aliasPrefix(path).length())))
                .sorted()
                .mapToObj(version -> entry(path, version).orElseThrow().metadata())
                .toList();
    }

    @Override
    public synchronized List<SecretPath> list(SecretPath.Prefix prefix) {
        return aliases().stream()
                .map(alias -> SecretPath.parse(unescape(alias.substring(0, alias.lastIndexOf(VERSION_MARK)))))
                .distinct()
                .filter(path -> path.isUnder(prefix))
                .sorted()
                .toList();
    }

    @Override
    public synchronized void delete(SecretPath path, long version) {
        entry(path, version)
                .filter(entry -> entry.metadata().isReadable())
                .ifPresent(entry ->
                        setEntry(path, entry.withMetadata(entry.metadata().deletedAt(clock.instant()))));
    }

    @Override
    public synchronized void undelete(SecretPath path, long version) {
        VersionEntry entry = entry(path, version).orElseThrow(() -> new SecretNotFoundException(path, version));
        if (entry.metadata().deletedAt().isPresent()) {
            setEntry(path, entry.withMetadata(entry.metadata().undeleted()));
        }
    }

    @Override
    public synchronized HealthStatus health() {
        return Files.isReadable(file) && Files.isWritable(file)
                ? HealthStatus.up("keystore " + file + " is readable and writable")
                : HealthStatus.down("keystore " + file + " is missing or not writable by the server");
    }

    @Override
    public synchronized void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "KeystoreVaultProvider[" + file + "]";
    }

    private long currentVersion(SecretPath path) {
        return aliases().stream()
                .filter(alias -> alias.startsWith(aliasPrefix(path)))
                .mapToLong(alias ->
                        Long.parseLong(alias.substring(aliasPrefix(path).length())))
                .max()
                .orElse(0);
    }

    private Optional<VersionEntry> entry(SecretPath path, long version) {
        try {
            KeyStore.Entry entry =
                    keyStore.getEntry(aliasPrefix(path) + version, new KeyStore.PasswordProtection(password));
            return Optional.ofNullable(entry)
                    .map(found -> VersionEntry.fromBytes(
                            ((KeyStore.SecretKeyEntry) found).getSecretKey().getEncoded()));
        } catch (GeneralSecurityException failure) {
            throw new VaultUnavailableException(
                    "The keystore entry for \"" + path + "\" cannot be read: " + failure.getMessage(), failure);
        }
    }

    /** Sets an entry and saves the file; if saving fails, the keystore in memory gets its old entry back. */
    private void setEntry(SecretPath path, VersionEntry entry) {
        String alias = aliasPrefix(path) + entry.metadata().version();
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        byte[] bytes = entry.toBytes();
        try {
            Optional<KeyStore.Entry> previous = keyStore.containsAlias(alias)
                    ? Optional.of(keyStore.getEntry(alias, protection))
                    : Optional.empty();
            // PKCS#12 stores secret keys with a known algorithm name; "AES" is only a label here.
            keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, "AES")), protection);
            try {
                save();
            } catch (GeneralSecurityException | IOException | RuntimeException failure) {
                // Otherwise reads would show a change reported as failed, and the next save would store it.
                if (previous.isPresent()) {
                    keyStore.setEntry(alias, previous.get(), protection);
                } else {
                    keyStore.deleteEntry(alias);
                }
                throw failure;
            }
        } catch (GeneralSecurityException | IOException failure) {
            throw new VaultUnavailableException(
                    "The keystore " + file + " could not be written: " + failure.getMessage(), failure);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private void save() throws IOException, GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        keyStore.store(out, password);
        AtomicFileWriter.DURABLE.write(file, out.toByteArray());
    }

    private List<String> aliases() {
        try {
            return Collections.list(keyStore.aliases());
        } catch (GeneralSecurityException notLoaded) {
            throw new IllegalStateException("keystore not loaded", notLoaded);
        }
    }

    private static String aliasPrefix(SecretPath path) {
        return escape(path.value()) + VERSION_MARK;
    }

    static String escape(String path) {
        StringBuilder alias = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "/._-".indexOf(c) >= 0;
            alias.append(plain ? String.valueOf(c) : "%" + HexFormat.of().toHexDigits(b));
        }
        return alias.toString();
    }

    static String unescape(String alias) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < alias.length(); i++) {
            if (alias.charAt(i) == '%') {
                bytes.write(HexFormat.fromHexDigits(alias, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(alias.charAt(i));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
