package dev.latchkey.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.workspace.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessDocumentationTest {

    @ParameterizedTest
    @EnumSource(Permission.class)
    void whoMayCallSentenceStatesEveryRowOfTheAuthorizationTable(Permission operation) {
        Permission.Rule rule = operation.rule();

        String sentence = AccessDocumentation.whoMayCall(rule);

        if (rule.open()) {
            assertThat(sentence).contains("no credential is needed");
            return;
        }
        for (Role role : Role.values()) {
            boolean named = sentence.contains(role.wireName()) || sentence.contains("any signed-in person");
            assertThat(named)
                    .as("%s: %s", role, sentence)
                    .isEqualTo(rule.roles().contains(role));
        }
        if (rule.keyScopes().isEmpty()) {
            assertThat(sentence).contains(rule.acceptsKeys() ? "any valid API key" : "API keys are refused");
        }
        for (Scope scope : Scope.values()) {
            assertThat(sentence.contains("`" + scope.wireName() + "`"))
                    .as("%s: %s", scope, sentence)
                    .isEqualTo(rule.keyScopes().contains(scope));
        }
    }
}
