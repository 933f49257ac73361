// The Generate API key wizard: a dialog that walks the server's wizard (details → scopes → store → acknowledged).
// The plaintext key arrives once, in the scopes step's response, and lives only in this module's closure while the
// Store step is open: it is never written to storage, the URL, or the console.
import { api } from "../api.js";
import { announce, h, mount, uniqueId } from "../dom.js";
import { confirmDialog, openDialog } from "../dialogs.js";
import { field, formAlert, sentence, showErrors, whileBusy } from "../forms.js";
import { loadScopes } from "../scopes.js";

const EXPIRATIONS = [
  { value: "1h", label: "1 hour" },
  { value: "12h", label: "12 hours" },
  { value: "1d", label: "1 day" },
  { value: "5d", label: "5 days" },
  { value: "1y", label: "1 year" },
  { value: "custom", label: "Custom" },
];
const STEPS = ["Details", "Select scopes", "Store your API key"];
const CUSTOM_MINIMUM_MINUTES = 5;

/** Opens the wizard; `onDone(name)` runs after the key is acknowledged and active. */
export function openGenerateWizard({ onDone }) {
  const state = {
    wizardId: null,
    details: { name: "", expiration: "", customLocal: "" },
    scopes: new Set(),
    keyName: "",
    maskedKey: "",
    apiKey: null,
    vaults: [],
    vaultsProblem: "",
    savedIn: [],
    storedSafely: false,
    finished: false,
  };
  const forget = () => { state.apiKey = null; };
  window.addEventListener("pagehide", forget, { once: true });

  const dialog = openDialog({ title: "Generate API key", className: "wizard-dialog", onDismiss: dismiss });
  const indicator = h("ol", { class: "steps", "aria-label": "Progress" });
  // Phones have room for the circles only; this line names the current step there.
  const caption = h("p", { class: "step-caption", "aria-hidden": "true" });
  dialog.dialog.insertBefore(indicator, dialog.body);
  dialog.dialog.insertBefore(caption, dialog.body);
  dialog.dialog.dataset.testid = "wizard";

  start();

  async function start() {
    showStep(1, h("p", { class: "muted", text: "Starting…" }), []);
    try {
      state.wizardId = (await api.post("/api-key-wizards")).data.id;
      renderDetails();
    } catch (error) {
      const close = h("button", { type: "button", class: "button", text: "Close", onclick: () => dialog.close() });
      showStep(1, h("div", { class: "alert alert-error", role: "alert", text: sentence(error.message) }), [close]);
      close.focus();
    }
  }

  /** Closing before Done cancels the server's wizard, which destroys a key generated but not acknowledged. */
  async function dismiss() {
    if (state.finished || !state.wizardId) return true;
    const generated = state.apiKey !== null;
    const confirmed = await confirmDialog({
      title: "Cancel generating this API key?",
      message: generated
        ? ["The key has been generated but is not active yet. If you close now, it is destroyed, even if you "
          + "copied it or saved it in a vault."]
        : ["What you have entered so far is discarded."],
      confirmLabel: "Cancel and close", cancelLabel: "Keep going", danger: generated });
    if (!confirmed) return false;
    try {
      await api.delete(`/api-key-wizards/${state.wizardId}`);
    } catch {
      // A wizard that already expired or was cancelled elsewhere needs no cancelling.
    }
    forget();
    announce("API key generation cancelled.");
    return true;
  }

  function showStep(number, content, buttons) {
    mount(indicator, STEPS.map((label, index) => {
      const position = index + 1;
      const status = position < number ? "done" : position === number ? "current" : "upcoming";
      return h("li", { class: `step step-${status}`, "aria-current": status === "current" ? "step" : null },
        h("span", { class: "step-number", "aria-hidden": "true", text: status === "done" ? "✓" : position }),
        h("span", { class: "step-label", text: label }),
        status === "done" ? h("span", { class: "visually-hidden", text: " (completed)" }) : null);
    }));
    caption.textContent = `Step ${number} of ${STEPS.length} · ${STEPS[number - 1]}`;
    dialog.dialog.dataset.step = String(number);
    mount(dialog.body, content);
    mount(dialog.footer, buttons);
  }

  // --- Step 1: details ------------------------------------------------------------------------------------------

  function renderDetails() {
    const formId = uniqueId("details-form");
    const name = field("API key name", h("input", { type: "text", name: "name", maxlength: 100, autocomplete: "off",
      spellcheck: "false", required: true, value: state.details.name }),
    { hint: "Unique in the workspace, up to 100 characters, e.g. “CI pipeline”." });
    const expiration = field("Expiration", h("select", { name: "expiration", required: true },
      h("option", { value: "", text: "Choose when the key expires" }),
      EXPIRATIONS.map((e) => h("option", { value: e.value, text: e.label,
        selected: e.value === state.details.expiration }))));
    const custom = field("Expires on", h("input", { type: "datetime-local", name: "expiresAt", required: true,
      min: localDateTime(new Date(Date.now() + CUSTOM_MINIMUM_MINUTES * 60_000)), value: state.details.customLocal }),
    { hint: `In your time zone (${timeZoneName()}); at least ${CUSTOM_MINIMUM_MINUTES} minutes from now.` });
    const alert = formAlert();
    const cancel = h("button", { type: "button", class: "button", text: "Cancel", onclick: () => dialog.dismiss() });
    const next = h("button", { type: "submit", form: formId, class: "button button-primary", text: "Next" });

    const update = () => {
      state.details = { name: name.control.value, expiration: expiration.control.value,
        customLocal: custom.control.value };
      custom.element.hidden = state.details.expiration !== "custom";
      next.disabled = !detailsComplete();
    };
    const form = h("form", { id: formId, class: "wizard-form", novalidate: true },
      h("h3", { class: "step-title", text: "Details" }),
      h("p", { class: "muted", text: "Name the key after what will use it, and choose how long it works." }),
      alert.element, name.element, expiration.element, custom.element);
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!detailsComplete()) return;
      await whileBusy(next, async () => {
        const { name: keyName, expiration: preset, customLocal } = state.details;
        const body = { name: keyName, expiration: preset };
        if (preset === "custom") body.expiresAt = new Date(customLocal).toISOString();
        try {
          const wizard = (await api.put(`/api-key-wizards/${state.wizardId}/details`, body)).data.attributes;
          state.keyName = wizard.name;
          renderScopes();
        } catch (error) {
          showErrors(error, { "/name": name, "/expiration": expiration, "/expiresAt": custom }, alert);
        }
      });
      // whileBusy restores the state it found; a step still on screen recomputes it from the fields.
      if (next.isConnected) update();
    });
    showStep(1, form, [cancel, next]);
    update();
    name.control.focus();
  }

  function detailsComplete() {
    const { name, expiration, customLocal } = state.details;
    return name.trim() !== "" && expiration !== "" && (expiration !== "custom" || customLocal !== "");
  }

  // --- Step 2: scopes -------------------------------------------------------------------------------------------

  async function renderScopes() {
    let catalog;
    try {
      catalog = await loadScopes();
    } catch (error) {
      showStep(2, h("div", { class: "alert alert-error", role: "alert", text: sentence(error.message) }), []);
      return;
    }
    const formId = uniqueId("scopes-form");
    const alert = formAlert();
    const legendId = uniqueId("scopes-legend");
    const errorSlot = h("p", { class: "field-error", hidden: true });
    const boxes = catalog.map((scope) => {
      const input = h("input", { type: "checkbox", id: uniqueId("scope"), name: "scopes", value: scope.id,
        checked: state.scopes.has(scope.id) });
      return h("div", { class: "checkbox-row" }, input,
        h("label", { for: input.id },
          h("span", { class: "scope-title", text: `${scope.title}: ` }),
          h("span", { class: "scope-description", text: scope.description }),
          h("code", { class: "scope-id", text: scope.id })));
    });
    const fieldset = h("fieldset", { class: "scope-list" },
      h("legend", { id: legendId, class: "step-title", text: "Select scopes" }),
      h("p", { class: "muted", text: "Give the key only what it needs. You can change its scopes later." }),
      errorSlot, boxes);
    const scopesField = {
      control: boxes[0]?.querySelector("input") ?? fieldset,
      showError(message) { errorSlot.textContent = message; errorSlot.hidden = false; },
      clearError() { errorSlot.textContent = ""; errorSlot.hidden = true; },
    };
    const back = h("button", { type: "button", class: "button", text: "Back" });
    const next = h("button", { type: "submit", form: formId, class: "button button-primary", text: "Next" });
    const form = h("form", { id: formId, class: "wizard-form", novalidate: true }, alert.element, fieldset);
    const update = () => {
      state.scopes = new Set(boxes.map((b) => b.querySelector("input")).filter((i) => i.checked).map((i) => i.value));
      next.disabled = state.scopes.size === 0;
    };
    form.addEventListener("change", update);
    back.addEventListener("click", () => whileBusy(back, async () => {
      try {
        await api.post(`/api-key-wizards/${state.wizardId}/back`);
        renderDetails();
      } catch (error) {
        showErrors(error, {}, alert);
      }
    }));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (state.scopes.size === 0) return;
      await whileBusy(next, async () => {
        try {
          const wizard = (await api.put(`/api-key-wizards/${state.wizardId}/scopes`,
            { scopes: [...state.scopes] })).data.attributes;
          state.apiKey = wizard.apiKey;
          state.maskedKey = wizard.maskedKey;
          state.savedIn = wizard.savedIn ?? [];
          await loadVaults();
          renderStore();
        } catch (error) {
          showErrors(error, { "/scopes": scopesField }, alert);
        }
      });
      if (next.isConnected) update();
    });
    showStep(2, form, [back, next]);
    update();
    fieldset.querySelector("input")?.focus();
  }

  // --- Step 3: store --------------------------------------------------------------------------------------------

  async function loadVaults() {
    try {
      state.vaults = (await api.get(`/api-key-wizards/${state.wizardId}/vault-options`)).data;
      state.vaultsProblem = "";
    } catch (error) {
      state.vaults = [];
      state.vaultsProblem = sentence(error.message);
    }
  }

  function renderStore({ focus = "heading", chosenVault } = {}) {
    const heading = h("h3", { class: "step-title", tabindex: "-1", text: "Store your API key" });
    const keyLabelId = uniqueId("key-label");
    const keyValue = h("code", { class: "key-value", id: uniqueId("key"), "aria-labelledby": keyLabelId,
      "data-testid": "api-key-value", text: masked() });
    const reveal = h("button", { type: "button", class: "button button-small", "aria-pressed": "false",
      "aria-controls": keyValue.id, text: "Reveal" });
    reveal.addEventListener("click", () => {
      const shown = reveal.getAttribute("aria-pressed") !== "true";
      reveal.setAttribute("aria-pressed", String(shown));
      reveal.textContent = shown ? "Hide" : "Reveal";
      keyValue.textContent = shown ? state.apiKey : masked();
    });
    const copyStatus = h("span", { class: "copy-status", role: "status" });
    const copy = h("button", { type: "button", class: "button button-small", text: "Copy" });
    copy.addEventListener("click", async () => {
      copyStatus.textContent = (await copyText(state.apiKey)) ? "Copied to the clipboard."
        : "Copying failed: reveal the key and copy it by hand.";
    });

    const done = h("button", { type: "button", class: "button button-primary", text: "Done", disabled: true });
    const acknowledgement = h("input", { type: "checkbox", id: uniqueId("stored"), name: "storedSafely",
      checked: state.storedSafely });
    acknowledgement.addEventListener("change", () => {
      state.storedSafely = acknowledgement.checked;
      done.disabled = !acknowledgement.checked;
    });
    done.disabled = !state.storedSafely;
    const alert = formAlert();
    done.addEventListener("click", () => whileBusy(done, async () => {
      try {
        await api.post(`/api-key-wizards/${state.wizardId}/acknowledgement`, { storedSafely: true });
        state.finished = true;
        forget();
        dialog.close();
        announce(`API key ${state.keyName} is active.`);
        onDone(state.keyName);
      } catch (error) {
        showErrors(error, {}, alert);
      }
    }));

    showStep(3, h("div", { class: "wizard-form store-step" },
      heading,
      h("div", { class: "callout callout-warning", role: "note" },
        h("strong", { text: "This is the only time you can see this key." }),
        " Copy it to a password manager or save it in a vault now. Latchkey keeps only a hash of it and cannot "
          + "show it again."),
      alert.element,
      h("div", { class: "field" },
        h("span", { class: "label", id: keyLabelId, text: "API key" }),
        h("div", { class: "key-box" }, keyValue, h("div", { class: "key-actions" }, reveal, copy)),
        copyStatus),
      vaultSection(chosenVault),
      h("div", { class: "checkbox-row acknowledgement" }, acknowledgement,
        h("label", { for: acknowledgement.id, text: "I have stored the key in a safe place" }))),
    [done]);
    if (focus === "saved") dialog.body.querySelector(".saved-in")?.focus();
    else heading.focus();
  }

  /** The key's public part and a fixed row of dots: the secret's length is not worth showing. */
  function masked() {
    return `${state.maskedKey.replace(/…$/, "")}${"•".repeat(16)}`;
  }

  function vaultSection(chosenVault) {
    const saved = state.savedIn.length === 0 ? null : h("ul", { class: "saved-in", tabindex: "-1",
      "data-testid": "saved-in" }, state.savedIn.map((placement) => h("li", { class: "callout callout-success" },
      `Saved in ${placement.vaultName}`, h("span", { class: "muted",
        text: ` at ${placement.path}, version ${placement.version}` }))));
    if (state.vaults.length === 0) {
      return h("section", { class: "vault-section" }, saved, state.vaultsProblem
        ? h("p", { class: "muted", text: `Saving in a vault is not available: ${state.vaultsProblem}` }) : null);
    }
    const select = state.vaults.length > 1 ? field("Select vault", h("select", { name: "vault" },
      state.vaults.map((vault) => h("option", { value: vault.id, selected: vault.id === chosenVault,
        text: vault.attributes.isDefault ? `${vault.attributes.name} (default)` : vault.attributes.name })))) : null;
    const chosen = () => state.vaults.find((v) => v.id === (select ? select.control.value : state.vaults[0].id));
    const save = h("button", { type: "button", class: "button", text: "Save in Latchkey",
      onclick: () => renderConfirmSave(chosen()) });
    return h("section", { class: "vault-section", "aria-labelledby": "vault-heading" },
      h("h4", { id: "vault-heading", text: "Save in Latchkey" }),
      h("p", { class: "muted", text: state.vaults.length > 1
        ? "Keep the key as a secret in one of the workspace's vaults."
        : `Keep the key as a secret in ${state.vaults[0].attributes.name}.` }),
      saved, select?.element, save);
  }

  function renderConfirmSave(vault) {
    const alert = formAlert();
    const heading = h("h3", { class: "step-title", tabindex: "-1", text: "Save your API key in Latchkey?" });
    const back = h("button", { type: "button", class: "button", text: "Back",
      onclick: () => renderStore({ chosenVault: vault.id }) });
    const save = h("button", { type: "button", class: "button button-primary", text: "Save" });
    save.addEventListener("click", () => whileBusy(save, async () => {
      try {
        const wizard = (await api.post(`/api-key-wizards/${state.wizardId}/vault-secret`,
          { vaultId: vault.id, apiKey: state.apiKey })).data.attributes;
        state.savedIn = wizard.savedIn ?? [];
        announce(`Saved in ${vault.attributes.name}.`);
        renderStore({ focus: "saved", chosenVault: vault.id });
      } catch (error) {
        showErrors(error, {}, alert);
      }
    }));
    showStep(3, h("div", { class: "wizard-form confirm-save" },
      heading,
      h("p", {}, "The key “", h("strong", { text: state.keyName }), "” will be stored as a secret in the vault ",
        h("strong", { "data-testid": "confirm-vault-name", text: vault.attributes.name }), "."),
      h("p", { class: "muted", text: "Anyone who can read that vault can read the key. You still need to confirm "
        + "that you have stored it before the key becomes active." }),
      alert.element), [back, save]);
    heading.focus();
  }
}

/** Copies through the Clipboard API, or the older selection route where that API is unavailable (plain HTTP). */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { class: "visually-hidden", readonly: true, "aria-hidden": "true" });
    area.value = text;
    // Inside the open dialog: everything outside a modal dialog is inert and cannot be selected.
    (document.activeElement?.closest("dialog") ?? document.body).append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}

/** "2026-11-27T10:15" in the browser's time zone, as datetime-local inputs want it. */
function localDateTime(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
    + `${pad(date.getMinutes())}`;
}

function timeZoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "local time";
}
