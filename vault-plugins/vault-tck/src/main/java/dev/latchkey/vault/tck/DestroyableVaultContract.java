package dev.latchkey.vault.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.vault.spi.DestroyableVault;
import dev.latchkey.vault.spi.SecretNotFoundException;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.VersionMetadata;
import org.junit.jupiter.api.Test;

/**
 * The contract of vaults that also implement {@link DestroyableVault}: the whole
 * {@link VaultProviderContract} plus permanent erasure. Extend this instead of
 * {@link VaultProviderContract} when the plugin can destroy.
 */
public abstract class DestroyableVaultContract extends VaultProviderContract {

    private DestroyableVault destroyable() {
        assertThat(vault()).isInstanceOf(DestroyableVault.class);
        return (DestroyableVault) vault();
    }

    @Test
    void destroyedVersionCanNeitherBeReadNorUndeleted() {
        SecretPath path = SecretPath.parse("tck/destroy");
        put(path, "one");
        put(path, "two");

        destroyable().destroy(path, 1);

        assertThat(vault().read(path, 1)).isEmpty();
        assertThatThrownBy(() -> vault().undelete(path, 1)).isInstanceOf(SecretNotFoundException.class);
        assertThat(readText(path)).contains("two");
        assertThat(vault().versions(path))
                .extracting(VersionMetadata::version, VersionMetadata::destroyed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, true), org.assertj.core.groups.Tuple.tuple(2L, false));
    }

    @Test
    void destroyKeepsNumberingAndIsIdempotent() {
        SecretPath path = SecretPath.parse("tck/destroy-latest");
        put(path, "one");

        destroyable().destroy(path, 1);
        assertThatCode(() -> destroyable().destroy(path, 1)).doesNotThrowAnyException();
        assertThatCode(() -> destroyable().destroy(path, 9)).doesNotThrowAnyException();

        assertThat(vault().read(path)).isEmpty();
        assertThat(put(path, "two").version()).isEqualTo(2);
    }

    @Test
    void destructionSurvivesReopening() {
        SecretPath path = SecretPath.parse("tck/destroy-restart");
        put(path, "one");
        destroyable().destroy(path, 1);

        reopen();

        assertThat(vault().read(path, 1)).isEmpty();
        assertThat(vault().versions(path))
                .singleElement()
                .satisfies(v -> assertThat(v.destroyed()).isTrue());
    }
}
