package dev.latchkey.api.security;

import static dev.latchkey.api.security.Permission.Rule.openToAll;
import static dev.latchkey.api.security.Permission.Rule.people;
import static dev.latchkey.domain.scope.Scope.READ_ACTIVITIES;
import static dev.latchkey.domain.scope.Scope.READ_AUTOMATIONS;
import static dev.latchkey.domain.scope.Scope.READ_INTEGRATIONS;
import static dev.latchkey.domain.scope.Scope.READ_ITEMS;
import static dev.latchkey.domain.scope.Scope.READ_ITEMS_ACCOUNTS;
import static dev.latchkey.domain.scope.Scope.READ_ITEMS_SECRETS;
import static dev.latchkey.domain.scope.Scope.READ_USERS;
import static dev.latchkey.domain.scope.Scope.WRITE_AUTOMATIONS;
import static dev.latchkey.domain.scope.Scope.WRITE_INTEGRATIONS;

import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.workspace.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every operation of the API and who may call it, in one table: the roles a person needs (with a bearer token) and
 * the scope an API key needs. Resources name their row with {@link Guarded}; {@link AuthenticationFilter} enforces
 * it, and a test fails for any resource method without a row.
 */
public enum Permission {
    PING(openToAll()),
    SIGN_IN(openToAll()),
    SIGN_OUT(people(Rule.EVERYONE)),
    WHOAMI(people(Rule.EVERYONE).orAnyKey()),

    LIST_ACTIVITIES(people(Rule.ADMINISTRATORS).orKeyWith(READ_ACTIVITIES)),

    LIST_USERS(people(Rule.ADMINISTRATORS).orKeyWith(READ_USERS)),
    GET_USER(people(Rule.ADMINISTRATORS).orKeyWith(READ_USERS)),
    CREATE_USER(people(Rule.ADMINISTRATORS)),
    UPDATE_USER(people(Rule.ADMINISTRATORS)),

    LIST_TEAMS(people(Rule.ADMINISTRATORS).orKeyWith(READ_USERS)),
    GET_TEAM(people(Rule.ADMINISTRATORS).orKeyWith(READ_USERS)),
    CREATE_TEAM(people(Rule.ADMINISTRATORS)),
    RENAME_TEAM(people(Rule.ADMINISTRATORS)),
    DELETE_TEAM(people(Rule.ADMINISTRATORS)),
    ADD_TEAM_MEMBER(people(Rule.ADMINISTRATORS)),
    REMOVE_TEAM_MEMBER(people(Rule.ADMINISTRATORS)),

    LIST_JOBS(people(Rule.ADMINISTRATORS).orKeyWith(READ_AUTOMATIONS)),
    GET_JOB(people(Rule.ADMINISTRATORS).orKeyWith(READ_AUTOMATIONS)),
    START_JOB(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_AUTOMATIONS)),

    START_WIZARD(people(Rule.ADMINISTRATORS)),
    GET_WIZARD(people(Rule.ADMINISTRATORS)),
    SUBMIT_WIZARD_DETAILS(people(Rule.ADMINISTRATORS)),
    WIZARD_BACK(people(Rule.ADMINISTRATORS)),
    SUBMIT_WIZARD_SCOPES(people(Rule.ADMINISTRATORS)),
    ACKNOWLEDGE_WIZARD(people(Rule.ADMINISTRATORS)),
    CANCEL_WIZARD(people(Rule.ADMINISTRATORS)),
    WIZARD_VAULT_OPTIONS(people(Rule.ADMINISTRATORS)),
    SAVE_WIZARD_KEY_IN_VAULT(people(Rule.ADMINISTRATORS)),

    LIST_VAULT_PROVIDERS(people(Rule.ADMINISTRATORS).orKeyWith(READ_INTEGRATIONS)),
    LIST_INTEGRATIONS(people(Rule.ADMINISTRATORS).orKeyWith(READ_INTEGRATIONS)),
    GET_INTEGRATION(people(Rule.ADMINISTRATORS).orKeyWith(READ_INTEGRATIONS)),
    PLAN_INTEGRATION(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    CREATE_INTEGRATION(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    UPDATE_INTEGRATION(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    DELETE_INTEGRATION(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),

    LIST_SECRETS(people(Rule.EVERYONE).orKeyWith(READ_ITEMS_SECRETS)),
    GET_SECRET(people(Rule.EVERYONE).orKeyWith(READ_ITEMS_SECRETS)),
    CREATE_SECRET(people(Rule.EVERYONE)),
    LIST_ACCOUNTS(people(Rule.EVERYONE).orKeyWith(READ_ITEMS_ACCOUNTS)),
    GET_ACCOUNT(people(Rule.EVERYONE).orKeyWith(READ_ITEMS_ACCOUNTS)),
    LIST_ACCOUNT_SECRETS(people(Rule.EVERYONE).orKeyWith(READ_ITEMS_ACCOUNTS)),
    CREATE_ACCOUNT(people(Rule.EVERYONE)),

    LIST_COLLECTIONS(people(Rule.EVERYONE).orKeyWith(READ_ITEMS)),
    GET_COLLECTION(people(Rule.EVERYONE).orKeyWith(READ_ITEMS)),
    CREATE_COLLECTION(people(Rule.EVERYONE)),
    ADD_COLLECTION_ITEM(people(Rule.EVERYONE)),
    REMOVE_COLLECTION_ITEM(people(Rule.EVERYONE)),

    LIST_ENTITLEMENTS(people(Rule.ADMINISTRATORS).orKeyWith(READ_INTEGRATIONS)),
    GRANT_ENTITLEMENT(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    REVOKE_ENTITLEMENT(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),

    LIST_VAULTS(people(Rule.ADMINISTRATORS).orKeyWithAnyOf(READ_ITEMS, READ_INTEGRATIONS)),
    CREATE_VAULT(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    UPDATE_VAULT(people(Rule.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    GET_VAULT_SECRET_METADATA(people(Rule.ADMINISTRATORS).orKeyWith(READ_ITEMS_SECRETS)),

    LIST_API_KEYS(people(Rule.ADMINISTRATORS)),
    GET_API_KEY(people(Rule.ADMINISTRATORS)),
    UPDATE_API_KEY(people(Rule.ADMINISTRATORS)),
    REMOVE_API_KEY(people(Rule.ADMINISTRATORS)),

    LIST_SCOPES(people(Rule.EVERYONE).orAnyKey()),

    ADVANCE_TEST_CLOCK(people(EnumSet.of(Role.WORKSPACE_OWNER))),
    SWITCH_TEST_JOB_GATE(people(EnumSet.of(Role.WORKSPACE_OWNER)));

    private final Rule rule;

    Permission(Rule rule) {
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /**
     * Who may call an operation. {@code open} operations need no credential at all; otherwise a person needs one of
     * {@code roles}, and an API key needs one of {@code keyScopes} (or, with {@code anyKey}, just to be valid). An
     * operation with neither {@code anyKey} nor a scope refuses API keys: keys cannot manage keys or people.
     */
    public record Rule(boolean open, Set<Role> roles, boolean anyKey, Set<Scope> keyScopes) {
        public static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
        public static final Set<Role> ADMINISTRATORS =
                EnumSet.of(Role.WORKSPACE_OWNER, Role.WORKSPACE_SUPER_ADMIN, Role.WORKSPACE_ADMIN);

        public Rule {
            roles = Set.copyOf(roles);
            keyScopes = Set.copyOf(keyScopes);
        }

        static Rule openToAll() {
            return new Rule(true, Set.of(), false, Set.of());
        }

        static Rule people(Set<Role> roles) {
            return new Rule(false, roles, false, Set.of());
        }

        Rule orAnyKey() {
            return new Rule(open, roles, true, Set.of());
        }

        Rule orKeyWith(Scope scope) {
            return new Rule(open, roles, false, Set.of(scope));
        }

        Rule orKeyWithAnyOf(Scope first, Scope... more) {
            return new Rule(open, roles, false, EnumSet.of(first, more));
        }

        public boolean acceptsKeys() {
            return anyKey || !keyScopes.isEmpty();
        }

        /** The scope names a key may hold to pass, for refusals; sorted. */
        public String keyScopeNames() {
            return String.join(" or ", keyScopes.stream().map(Scope::wireName).sorted().toList());
        }
    }
}
