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
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workspace.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every operation of the API and who may call it, in one table: the roles a person needs (with a bearer token) and
 * the scope an API key needs. Role sets come from {@link Role}, which owns every rule about roles. Resources name
 * their row with {@link Guarded}; {@link AuthenticationFilter} enforces it, and a test fails for any resource method
 * without a row.
 */
public enum Permission {
    PING(openToAll()),
    SIGN_IN(openToAll()),
    SIGN_OUT(people(Rule.EVERYONE)),
    WHOAMI(people(Rule.EVERYONE).orAnyKey()),

    LIST_ACTIVITIES(people(Role.ADMINISTRATORS).orKeyWith(READ_ACTIVITIES)),

    LIST_USERS(people(Role.ADMINISTRATORS).orKeyWith(READ_USERS)),
    GET_USER(people(Role.ADMINISTRATORS).orKeyWith(READ_USERS)),
    CREATE_USER(people(Role.ADMINISTRATORS)),
    UPDATE_USER(people(Role.ADMINISTRATORS)),

    LIST_TEAMS(people(Role.ADMINISTRATORS).orKeyWith(READ_USERS)),
    GET_TEAM(people(Role.ADMINISTRATORS).orKeyWith(READ_USERS)),
    CREATE_TEAM(people(Role.ADMINISTRATORS)),
    RENAME_TEAM(people(Role.ADMINISTRATORS)),
    DELETE_TEAM(people(Role.ADMINISTRATORS)),
    ADD_TEAM_MEMBER(people(Role.ADMINISTRATORS)),
    REMOVE_TEAM_MEMBER(people(Role.ADMINISTRATORS)),

    LIST_JOBS(people(Role.ADMINISTRATORS).orKeyWith(READ_AUTOMATIONS)),
    GET_JOB(people(Role.ADMINISTRATORS).orKeyWith(READ_AUTOMATIONS)),
    START_JOB(people(Role.ADMINISTRATORS).orKeyWith(WRITE_AUTOMATIONS)),

    START_WIZARD(people(Role.ADMINISTRATORS)),
    GET_WIZARD(people(Role.ADMINISTRATORS)),
    SUBMIT_WIZARD_DETAILS(people(Role.ADMINISTRATORS)),
    WIZARD_BACK(people(Role.ADMINISTRATORS)),
    SUBMIT_WIZARD_SCOPES(people(Role.ADMINISTRATORS)),
    ACKNOWLEDGE_WIZARD(people(Role.ADMINISTRATORS)),
    CANCEL_WIZARD(people(Role.ADMINISTRATORS)),
    WIZARD_VAULT_OPTIONS(people(Role.ADMINISTRATORS)),
    SAVE_WIZARD_KEY_IN_VAULT(people(Role.ADMINISTRATORS)),

    LIST_VAULT_PROVIDERS(people(Role.ADMINISTRATORS).orKeyWith(READ_INTEGRATIONS)),
    LIST_INTEGRATIONS(people(Role.ADMINISTRATORS).orKeyWith(READ_INTEGRATIONS)),
    GET_INTEGRATION(people(Role.ADMINISTRATORS).orKeyWith(READ_INTEGRATIONS)),
    PLAN_INTEGRATION(people(Role.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    CREATE_INTEGRATION(people(Role.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    UPDATE_INTEGRATION(people(Role.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    DELETE_INTEGRATION(people(Role.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),

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

    LIST_ENTITLEMENTS(people(Role.ADMINISTRATORS).orKeyWith(READ_INTEGRATIONS)),
    GRANT_ENTITLEMENT(people(Role.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    REVOKE_ENTITLEMENT(people(Role.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),

    LIST_VAULTS(people(Role.ADMINISTRATORS).orKeyWithAnyOf(READ_ITEMS, READ_INTEGRATIONS)),
    CREATE_VAULT(people(Role.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    UPDATE_VAULT(people(Role.ADMINISTRATORS).orKeyWith(WRITE_INTEGRATIONS)),
    GET_VAULT_SECRET_METADATA(people(Role.ADMINISTRATORS).orKeyWith(READ_ITEMS_SECRETS)),

    LIST_API_KEYS(people(Role.ADMINISTRATORS)),
    GET_API_KEY(people(Role.ADMINISTRATORS)),
    UPDATE_API_KEY(people(Role.ADMINISTRATORS)),
    REMOVE_API_KEY(people(Role.ADMINISTRATORS)),

    LIST_SCOPES(people(Rule.EVERYONE).orAnyKey()),

    ADVANCE_TEST_CLOCK(people(EnumSet.of(Role.WORKSPACE_OWNER))),
    SWITCH_TEST_JOB_GATE(people(EnumSet.of(Role.WORKSPACE_OWNER)));

    /** Beyond calling {@code remove_api_key}: removing keys that someone else created. */
    public static final String REMOVE_OTHERS_API_KEYS = "remove_others_api_keys";

    private final Rule rule;

    Permission(Rule rule) {
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /** The row's name as clients see it in whoami's {@code permissions}: {@code list_api_keys}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What this caller may do, for a client to show or hide actions: the wire names of the rows it passes (open rows
     * excepted), and {@value #REMOVE_OTHERS_API_KEYS} for a person whose role may remove keys others created. Every
     * call is still checked; this only saves clients from copying the rules.
     */
    public static List<String> grantedTo(Caller caller) {
        Stream<String> rows = Arrays.stream(values())
                .filter(permission -> switch (caller) {
                    case Caller.Person person ->
                        permission.rule.admits(person.user().role());
                    case Caller.Key key -> permission.rule.admits(key.scopes());
                })
                .map(Permission::wireName);
        Stream<String> beyondTheTable =
                caller instanceof Caller.Person person && person.user().role().mayRemoveOthersKeys()
                        ? Stream.of(REMOVE_OTHERS_API_KEYS)
                        : Stream.empty();
        return Stream.concat(rows, beyondTheTable).sorted().toList();
    }

    /**
     * Who may call an operation. {@code open} operations need no credential at all; otherwise a person needs one of
     * {@code roles}, and an API key needs one of {@code keyScopes} (or, with {@code anyKey}, just to be valid). An
     * operation with neither {@code anyKey} nor a scope refuses API keys: keys cannot manage keys or people.
     */
    public record Rule(boolean open, Set<Role> roles, boolean anyKey, Set<Scope> keyScopes) {
        public static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

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

        /** Whether a signed-in person with this role passes; open operations need no person. */
        public boolean admits(Role role) {
            return !open && roles.contains(role);
        }

        /** Whether an API key holding these scopes passes. */
        public boolean admits(ScopeSet scopes) {
            return !open && (anyKey || keyScopes.stream().anyMatch(scopes::allows));
        }

        /** The scope names a key may hold to pass, for refusals; sorted. */
        public String keyScopeNames() {
            return String.join(
                    " or ", keyScopes.stream().map(Scope::wireName).sorted().toList());
        }
    }
}
