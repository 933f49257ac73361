package dev.latchkey.domain.integration;

import dev.latchkey.domain.workspace.User;

/** Port: whether a person may write secrets into the vaults of an integration (the {@code vault_writer} right). */
@FunctionalInterface
public interface VaultAccess {
    boolean mayWrite(User person, IntegrationId integration);
}
