package dev.latchkey.api.startup;

import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.api.persistence.SchemaMigration;
import dev.latchkey.domain.people.UserService;
import dev.latchkey.domain.people.UserService.OwnerBootstrap.CreatedWithGeneratedPassword;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Creates the workspace Owner on the first start. With no configured password, a generated one is written to
 * {@code <data dir>/initial-owner-password} (mode 0600, written atomically) and the log says only where it is.
 */
@Startup
@Singleton
@DependsOn(SchemaMigration.NAME)
public class OwnerBootstrap { // not final: the EJB container subclasses its beans
    static final String PASSWORD_FILE = "initial-owner-password";
    static final String DEFAULT_OWNER_EMAIL = "owner@latchkey.local";
    private static final Logger LOG = Logger.getLogger(OwnerBootstrap.class.getName());

    @Inject
    LatchkeyConfig config;

    @Inject
    UserService users;

    @PostConstruct
    void ensureOwner() {
        Email email;
        try {
            email = Email.parse(config.ownerEmail().orElse(DEFAULT_OWNER_EMAIL), LatchkeyConfig.OWNER_EMAIL);
        } catch (ValidationException e) {
            throw new IllegalStateException(LatchkeyConfig.OWNER_EMAIL + " is not an email address", e);
        }
        switch (users.ensureOwner(email, config.ownerPassword())) {
            case UserService.OwnerBootstrap.Existing existing -> {}
            case UserService.OwnerBootstrap.Created created ->
                LOG.info(() -> "Created the workspace Owner " + email + " with the configured password");
            case CreatedWithGeneratedPassword generated -> {
                Path file = writePasswordFile(generated.password());
                LOG.info(() -> "Created the workspace Owner " + email + "; the generated password is in " + file
                        + " (readable by this user only; delete it once you have changed or stored it)");
            }
        }
    }

    private Path writePasswordFile(String password) {
        return writePasswordFile(config.dataDir(), password, AtomicFileWriter.DURABLE);
    }

    /**
     * Writes the generated password like every other secret file (temp file, fsync, rename, fsync the directory,
     * mode 0600), so that a crash right after the first start cannot leave the only copy of it unwritten.
     */
    static Path writePasswordFile(Path dataDir, String password, AtomicFileWriter writer) {
        Path target = dataDir.resolve(PASSWORD_FILE);
        byte[] content = (password + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        try {
            writer.write(target, content);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }
}
