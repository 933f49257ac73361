// The API's happy path through the generated typescript-fetch client only: sign in, run the wizard (saving the key
// in a vault), use the key, lose a scope (403), remove the key (401), read the activity log. api-module's
// ClientTypeScriptIT runs it with node against the test server; run it yourself with
//   LATCHKEY_BASE_URL=http://localhost:8080 LATCHKEY_EMAIL=... LATCHKEY_PASSWORD=... node target/js/happy-path.js
import {
    ActivitiesApi,
    APIKeysApi,
    APIKeyWizardApi,
    AuthenticationApi,
    Configuration,
    IdentityApi,
    ResponseError,
    UsersApi,
    WizardDetailsRequestExpirationEnum,
} from "./target/generated-sources/openapi";

function setting(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`set ${name}`);
    }
    return value;
}

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error(`expected ${what}`);
    }
    console.log(`ok - ${what}`);
}

/** Calls an operation that must fail and returns the HTTP status and error code it failed with. */
async function refusal(call: () => Promise<unknown>): Promise<{ status: number; code: string }> {
    try {
        await call();
    } catch (error) {
        if (error instanceof ResponseError) {
            const body = await error.response.json();
            return { status: error.response.status, code: body.errors[0].code };
        }
        throw error;
    }
    throw new Error("expected the call to be refused");
}

async function main(): Promise<void> {
    const basePath = setting("LATCHKEY_BASE_URL").replace(/\/$/, "");
    const signedIn = await new AuthenticationApi(new Configuration({ basePath })).signIn({
        signInRequest: { email: setting("LATCHKEY_EMAIL"), password: setting("LATCHKEY_PASSWORD") },
    });
    // One configuration per credential: a request that carries both is refused as ambiguous.
    const person = new Configuration({ basePath, accessToken: signedIn.data.attributes.token });
    check(signedIn.data.attributes.tokenType === "Bearer", "sign-in returns a bearer token");

    const wizards = new APIKeyWizardApi(person);
    const started = await wizards.startApiKeyWizard();
    const id = started.data.id;
    check(started.data.attributes.step === "details", "a new wizard starts at the details step");
    const name = `TypeScript happy path ${Date.now()}`;
    await wizards.submitApiKeyWizardDetails({
        id, wizardDetailsRequest: { name, expiration: WizardDetailsRequestExpirationEnum._1d },
    });
    const generated = await wizards.submitApiKeyWizardScopes({
        id, wizardScopesRequest: { scopes: ["read:users"] },
    });
    const apiKey = generated.data.attributes.apiKey;
    const keyId = generated.data.attributes.apiKeyId;
    check(generated.data.attributes.step === "store" && !!apiKey && !!keyId, "the scopes step shows the key once");
    const vault = (await wizards.listApiKeyWizardVaultOptions({ id })).data[0];
    const saved = await wizards.saveApiKeyWizardKeyInVault({
        id, wizardVaultSecretRequest: { vaultId: vault.id, apiKey: apiKey! },
    });
    check(saved.data.attributes.savedIn.length === 1 && saved.data.attributes.apiKey === undefined,
        "the key is saved in the default vault, and the answer does not repeat it");
    const acknowledged = await wizards.acknowledgeApiKeyWizard({
        id, wizardAcknowledgementRequest: { storedSafely: true },
    });
    check(acknowledged.data.attributes.step === "acknowledged", "the acknowledgement activates the key");

    const key = new Configuration({ basePath, apiKey });
    const me = await new IdentityApi(key).whoami();
    check(me.data.attributes.authenticatedWith === "api_key" && me.data.attributes.apiKeyId === keyId,
        "whoami recognises the key");
    const users = await new UsersApi(key).listUsers({ pageSize: 5 });
    check(users.data.length > 0, "the key reads users with read:users");

    const keys = new APIKeysApi(person);
    await keys.updateApiKey({ id: keyId!, updateApiKeyRequest: { scopes: ["read:activities"] } });
    const forbidden = await refusal(() => new UsersApi(key).listUsers());
    check(forbidden.status === 403 && forbidden.code === "scope_required", "without read:users the key gets 403");

    await keys.removeApiKey({ id: keyId! });
    const unauthenticated = await refusal(() => new IdentityApi(key).whoami());
    check(unauthenticated.status === 401, "a removed key gets 401");

    const removals = await new ActivitiesApi(person).listActivities({ filterType: "api_key.removed" });
    check(removals.data.some((activity) => activity.attributes.subject.id === keyId),
        "the activity log records the removal");
    console.log("happy path complete");
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
