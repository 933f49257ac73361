package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.client.ApiClient;
import dev.latchkey.client.ApiException;
import dev.latchkey.client.api.ActivitiesApi;
import dev.latchkey.client.api.ApiKeyWizardApi;
import dev.latchkey.client.api.ApiKeysApi;
import dev.latchkey.client.api.AuthenticationApi;
import dev.latchkey.client.api.IdentityApi;
import dev.latchkey.client.api.UsersApi;
import dev.latchkey.client.model.ActivityType;
import dev.latchkey.client.model.ApiKeyWizardAttributes;
import dev.latchkey.client.model.ApiKeyWizardDocument;
import dev.latchkey.client.model.ErrorDocument;
import dev.latchkey.client.model.ErrorObject;
import dev.latchkey.client.model.ScopeName;
import dev.latchkey.client.model.SignInRequest;
import dev.latchkey.client.model.UpdateApiKeyRequest;
import dev.latchkey.client.model.Vault;
import dev.latchkey.client.model.WhoamiAttributes;
import dev.latchkey.client.model.WizardAcknowledgementRequest;
import dev.latchkey.client.model.WizardDetailsRequest;
import dev.latchkey.client.model.WizardScopesRequest;
import dev.latchkey.client.model.WizardVaultSecretRequest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's happy path through the Java client generated from openapi/openapi.yaml, and nothing else: if the
 * document and the server disagree on a path, a field or a status, this fails.
 */
@ExtendWith(LatchkeyServerExtension.class)
class JavaClientIT {
    private LatchkeyServer server;
    private ApiClient person;

    @BeforeEach
    void signIn(LatchkeyServer server) throws ApiException {
        this.server = server;
        String token = new AuthenticationApi(client())
                .signIn(new SignInRequest().email(LatchkeyServer.OWNER_EMAIL).password(LatchkeyServer.OWNER_PASSWORD))
                .getData()
                .getAttributes()
                .getToken();
        // The native library has no auth hooks of its own; a request interceptor is its documented way.
        person = client(request -> request.header("Authorization", "Bearer " + token));
    }

    @Test
    void keyFromTheWizardIsSavedInAVaultAndWorksUntilItLosesItsScopeAndIsRemoved() throws ApiException {
        ApiKeyWizardApi wizard = new ApiKeyWizardApi(person);
        UUID id = wizard.startApiKeyWizard().getData().getId();
        WizardDetailsRequest details = new WizardDetailsRequest()
                .name("Java client " + UUID.randomUUID())
                .expiration(WizardDetailsRequest.ExpirationEnum._1D);
        assertThat(step(wizard.submitApiKeyWizardDetails(id, details)))
                .isEqualTo(ApiKeyWizardAttributes.StepEnum.SCOPES);
        assertThat(step(wizard.goBackInApiKeyWizard(id))).isEqualTo(ApiKeyWizardAttributes.StepEnum.DETAILS);
        wizard.submitApiKeyWizardDetails(id, details);
        ApiKeyWizardAttributes generated = wizard.submitApiKeyWizardScopes(
                        id, new WizardScopesRequest().scopes(List.of(ScopeName.READ_USERS)))
                .getData()
                .getAttributes();
        assertThat(generated.getStep()).isEqualTo(ApiKeyWizardAttributes.StepEnum.STORE);
        assertThat(generated.getApiKey()).startsWith("lk_");
        Vault vault = wizard.listApiKeyWizardVaultOptions(id).getData().get(0);
        ApiKeyWizardAttributes saved = wizard.saveApiKeyWizardKeyInVault(
                        id,
                        new WizardVaultSecretRequest().vaultId(vault.getId()).apiKey(generated.getApiKey()))
                .getData()
                .getAttributes();
        assertThat(saved.getApiKey()).isNull();
        assertThat(saved.getSavedIn())
                .singleElement()
                .satisfies(placement -> assertThat(placement.getVaultName())
                        .isEqualTo(vault.getAttributes().getName()));
        assertThat(step(wizard.acknowledgeApiKeyWizard(id, new WizardAcknowledgementRequest().storedSafely(true))))
                .isEqualTo(ApiKeyWizardAttributes.StepEnum.ACKNOWLEDGED);

        ApiClient key = client(request -> request.header("X-API-Key", generated.getApiKey()));
        WhoamiAttributes me = new IdentityApi(key).whoami().getData().getAttributes();
        assertThat(me.getAuthenticatedWith()).isEqualTo(WhoamiAttributes.AuthenticatedWithEnum.API_KEY);
        assertThat(me.getApiKeyId()).isEqualTo(generated.getApiKeyId());
        assertThat(me.getScopes()).containsExactly(ScopeName.READ_USERS);
        assertThat(new UsersApi(key).listUsers(null, 1, 25).getData())
                .anySatisfy(user -> assertThat(user.getAttributes().getEmail()).isEqualTo(LatchkeyServer.OWNER_EMAIL));

        new ApiKeysApi(person)
                .updateApiKey(
                        generated.getApiKeyId(), new UpdateApiKeyRequest().scopes(List.of(ScopeName.READ_ACTIVITIES)));
        ApiException forbidden =
                catchThrowableOfType(ApiException.class, () -> new UsersApi(key).listUsers(null, null, null));
        assertThat(forbidden.getCode()).isEqualTo(403);
        assertThat(errorCode(forbidden)).isEqualTo("scope_required");

        new ApiKeysApi(person).removeApiKey(generated.getApiKeyId());
        ApiException unauthenticated = catchThrowableOfType(ApiException.class, () -> new IdentityApi(key).whoami());
        assertThat(unauthenticated.getCode()).isEqualTo(401);
        assertThat(errorCode(unauthenticated)).isEqualTo("unauthenticated");

        assertThat(new ActivitiesApi(person)
                        .listActivities(ActivityType.API_KEY_REMOVED, null, null, 1, 100)
                        .getData())
                .anySatisfy(activity -> assertThat(
                                activity.getAttributes().getSubject().getId())
                        .isEqualTo(generated.getApiKeyId()));
    }

    @Test
    void wizardMoveOutOfOrderIsAConflictInTheDocumentedErrorShape() throws ApiException {
        ApiKeyWizardApi wizard = new ApiKeyWizardApi(person);
        UUID id = wizard.startApiKeyWizard().getData().getId();

        ApiException conflict = catchThrowableOfType(
                ApiException.class,
                () -> wizard.submitApiKeyWizardScopes(
                        id, new WizardScopesRequest().scopes(List.of(ScopeName.READ_USERS))));

        assertThat(conflict.getCode()).isEqualTo(409);
        ErrorObject error = errors(conflict).getErrors().get(0);
        assertThat(error.getCode()).isEqualTo("wizard_step_conflict");
        assertThat(error.getMeta()).containsEntry("currentStep", "details");
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUri().toString().replaceAll("/$", ""));
        return client;
    }

    /** A client that sends one credential with every request. */
    private ApiClient client(Consumer<HttpRequest.Builder> credential) {
        ApiClient client = client();
        client.setRequestInterceptor(credential);
        return client;
    }

    private static ApiKeyWizardAttributes.StepEnum step(ApiKeyWizardDocument document) {
        return document.getData().getAttributes().getStep();
    }

    private String errorCode(ApiException refusal) {
        return errors(refusal).getErrors().get(0).getCode();
    }

    private ErrorDocument errors(ApiException refusal) {
        try {
            return person.getObjectMapper().readValue(refusal.getResponseBody(), ErrorDocument.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not an ErrorDocument: " + refusal.getResponseBody(), e);
        }
    }
}
