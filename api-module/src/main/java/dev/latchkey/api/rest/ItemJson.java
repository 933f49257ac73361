package dev.latchkey.api.rest;

import dev.latchkey.domain.item.Item;
import dev.latchkey.domain.team.TeamId;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How secrets and accounts appear in the API. A value appears only in the one read that asks for it. */
public final class ItemJson {
    private ItemJson() {}

    static Secret secret(Item item, String value) {
        return new Secret(
                item.id().value(),
                "secret",
                new SecretAttributes(item.title(), item.field("category"), place(item), value));
    }

    static Account account(Item item) {
        return new Account(
                item.id().value(),
                "account",
                new AccountAttributes(
                        item.title(),
                        item.field("application"),
                        item.field("label"),
                        emptyToNull(item.field("url")),
                        item.field("username"),
                        place(item)));
    }

    private static Placement place(Item item) {
        return new Placement(
                item.vaultId().value(),
                item.path(),
                item.version(),
                item.ownerId().value(),
                item.sharedWith().stream().map(TeamId::value).sorted().toList(),
                item.createdAt(),
                item.updatedAt());
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    @Schema(name = "Secret", description = "A secret whose value lives in a vault.")
    public record Secret(
            @Schema(required = true, format = "uuid", examples = "5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b")
            String id,

            @Schema(required = true, enumeration = "secret", examples = "secret")
            String type,

            @Schema(required = true) SecretAttributes attributes) {}

    @Schema(name = "SecretAttributes", description = "What the secret is and where it lives.")
    public record SecretAttributes(
            @Schema(
                    required = true,
                    examples = "Stripe live key",
                    description = "What the secret is; for a key the wizard saved, the key's name.")
            String title,

            @Schema(
                    required = true,
                    examples = "payments",
                    description = "Free text that groups secrets; api_key marks a key the wizard saved.")
            String category,

            @Schema(required = true, description = "Where the value lives and who may see the secret.")
            Placement stored,

            @Schema(
                    description = "The value, read from the vault: only in GET /api/v1/secrets/{id}, and never for an "
                            + "API key the wizard saved (category api_key), whose plaintext is shown only once.",
                    examples = "sk_live_…")
            String value) {
        @Override
        public String toString() {
            return "SecretAttributes[title=" + title + ", value=***]";
        }
    }

    @Schema(name = "Account", description = "Credentials for an application; the password lives in a vault.")
    public record Account(
            @Schema(required = true, format = "uuid", examples = "8c4e2a1f-3b5d-4f6a-9e7c-0d1b2a3c4e5f")
            String id,

            @Schema(required = true, enumeration = "account", examples = "account")
            String type,

            @Schema(required = true) AccountAttributes attributes) {}

    @Schema(name = "AccountAttributes", description = "Which application, as whom; never the password.")
    public record AccountAttributes(
            @Schema(
                    required = true,
                    examples = "GitHub (ci bot)",
                    description = "The application, followed by the label in parentheses when there is one.")
            String title,

            @Schema(required = true, examples = "GitHub", description = "The application the credentials are for.")
            String application,

            @Schema(
                    required = true,
                    examples = "ci bot",
                    description = "Tells apart accounts of one application; empty when none was given.")
            String label,

            @Schema(
                    format = "uri",
                    examples = "https://github.com/login",
                    description = "Where to sign in; absent when none was given.")
            String url,

            @Schema(required = true, examples = "ci-bot", description = "The name to sign in with.")
            String username,

            @Schema(required = true, description = "Where the password lives and who may see the account.")
            Placement stored) {}

    @Schema(name = "ItemPlacement", description = "Where an item's value lives and whose the item is.")
    public record Placement(
            @Schema(
                    required = true,
                    format = "uuid",
                    examples = "2d4f6a8c-1e3b-4d5f-8a7c-9e0b1d2f3a4c",
                    description = "The vault that holds the value.")
            String vaultId,

            @Schema(
                    required = true,
                    examples = "secrets/5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b",
                    description = "Where in the vault the value is.")
            String path,

            @Schema(required = true, examples = "1", description = "The version the vault gave the value.")
            long version,

            @Schema(
                    required = true,
                    format = "uuid",
                    examples = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11",
                    description = "The person who created the item.")
            String ownerId,

            @Schema(
                    required = true,
                    description = "Members of these teams see the item too; sorted.",
                    examples = "[\"3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f\"]")
            List<String> sharedWithTeamIds,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the item was created.",
                    examples = "2026-11-27T10:15:30Z")
            Instant createdAt,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the item last changed.",
                    examples = "2026-11-27T10:15:30Z")
            Instant updatedAt) {}

    @Schema(name = "SecretDocument", description = "One secret.")
    public record SecretDocument(@Schema(required = true) Secret data) {}

    @Schema(name = "SecretList", description = "A page of secrets, without values.")
    public record SecretList(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Secret.class)
            List<Secret> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    @Schema(name = "AccountDocument", description = "One account.")
    public record AccountDocument(@Schema(required = true) Account data) {}

    @Schema(name = "AccountList", description = "A page of accounts, without passwords.")
    public record AccountList(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Account.class)
            List<Account> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    @Schema(name = "AccountSecret", description = "One of an account's secrets, with its value.")
    public record AccountSecret(
            @Schema(required = true, examples = "password") String id,

            @Schema(required = true, enumeration = "account_secret", examples = "account_secret")
            String type,

            @Schema(required = true) AccountSecretAttributes attributes) {}

    @Schema(name = "AccountSecretAttributes", description = "The kind of secret and its value.")
    public record AccountSecretAttributes(
            @Schema(
                    required = true,
                    enumeration = "password",
                    examples = "password",
                    description = "The kind of secret; accounts have only a password.")
            String secretType,

            @Schema(
                    required = true,
                    format = "password",
                    examples = "correct horse battery staple",
                    description = "The password, read from the vault just now; no other response carries it.")
            String value) {
        @Override
        public String toString() {
            return "AccountSecretAttributes[secretType=" + secretType + ", value=***]";
        }
    }

    @Schema(name = "AccountSecretList", description = "An account's secrets.")
    public record AccountSecretList(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = AccountSecret.class)
            List<AccountSecret> data) {}
}
