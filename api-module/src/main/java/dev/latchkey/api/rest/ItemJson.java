package dev.latchkey.api.rest;

import dev.latchkey.domain.item.Item;
import dev.latchkey.domain.team.TeamId;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How secrets and accounts appear in the API. A value appears only in the one read that asks for it. */
public final class ItemJson {
    private ItemJson() {
    }

    static Secret secret(Item item, String value) {
        return new Secret(item.id().value(), "secret", new SecretAttributes(item.title(), item.field("category"),
                place(item), value));
    }

    static Account account(Item item) {
        return new Account(item.id().value(), "account", new AccountAttributes(item.title(),
                item.field("application"), item.field("label"), emptyToNull(item.field("url")), item.field("username"),
                place(item)));
    }

    private static Placement place(Item item) {
        return new Placement(item.vaultId().value(), item.path(), item.version(), item.ownerId().value(),
                item.sharedWith().stream().map(TeamId::value).sorted().toList(), item.createdAt(), item.updatedAt());
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    @Schema(name = "Secret", description = "A secret whose value lives in a vault.")
    public record Secret(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true, enumeration = "secret", examples = "secret") String type,
            @Schema(required = true) SecretAttributes attributes) {
    }

    @Schema(name = "SecretAttributes", description = "What the secret is and where it lives.")
    public record SecretAttributes(
            @Schema(required = true, examples = "Stripe live key") String title,
            @Schema(required = true, examples = "payments") String category,
            @Schema(required = true) Placement stored,
            @Schema(description = "The value, read from the vault: only in GET /api/v1/secrets/{id}, and never for an "
                    + "API key the wizard saved (category api_key), whose plaintext is shown only once.",
                    examples = "sk_live_…") String value) {
        @Override
        public String toString() {
            return "SecretAttributes[title=" + title + ", value=***]";
        }
    }

    @Schema(name = "Account", description = "Credentials for an application; the password lives in a vault.")
    public record Account(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true, enumeration = "account", examples = "account") String type,
            @Schema(required = true) AccountAttributes attributes) {
    }

    @Schema(name = "AccountAttributes", description = "Which application, as whom; never the password.")
    public record AccountAttributes(
            @Schema(required = true, examples = "GitHub (ci bot)") String title,
            @Schema(required = true, examples = "GitHub") String application,
            @Schema(required = true, examples = "ci bot") String label,
            @Schema(format = "uri", examples = "https://github.com/login") String url,
            @Schema(required = true, examples = "ci-bot") String username,
            @Schema(required = true) Placement stored) {
    }

    @Schema(name = "ItemPlacement", description = "Where an item's value lives and whose the item is.")
    public record Placement(
            @Schema(required = true, format = "uuid") String vaultId,
            @Schema(required = true, examples = "secrets/5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b") String path,
            @Schema(required = true, examples = "1") long version,
            @Schema(required = true, format = "uuid") String ownerId,
            @Schema(required = true, description = "Members of these teams see the item too.")
            List<String> sharedWithTeamIds,
            @Schema(required = true, format = "date-time") Instant createdAt,
            @Schema(required = true, format = "date-time") Instant updatedAt) {
    }

    @Schema(name = "SecretDocument", description = "One secret.")
    public record SecretDocument(@Schema(required = true) Secret data) {
    }

    @Schema(name = "SecretList", description = "A page of secrets, without values.")
    public record SecretList(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Secret.class) List<Secret> data,
            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {
    }

    @Schema(name = "AccountDocument", description = "One account.")
    public record AccountDocument(@Schema(required = true) Account data) {
    }

    @Schema(name = "AccountList", description = "A page of accounts, without passwords.")
    public record AccountList(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Account.class) List<Account> data,
            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {
    }

    @Schema(name = "AccountSecret", description = "One of an account's secrets, with its value.")
    public record AccountSecret(
            @Schema(required = true, examples = "password") String id,
            @Schema(required = true, enumeration = "account_secret", examples = "account_secret") String type,
            @Schema(required = true) AccountSecretAttributes attributes) {
    }

    @Schema(name = "AccountSecretAttributes", description = "The kind of secret and its value.")
    public record AccountSecretAttributes(
            @Schema(required = true, enumeration = "password", examples = "password") String secretType,
            @Schema(required = true, examples = "correct horse battery staple") String value) {
        @Override
        public String toString() {
            return "AccountSecretAttributes[secretType=" + secretType + ", value=***]";
        }
    }

    @Schema(name = "AccountSecretList", description = "An account's secrets.")
    public record AccountSecretList(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = AccountSecret.class)
            List<AccountSecret> data) {
    }
}
