// The API key settings page: the key's facts, and its scopes as switches that save at once (for the key's creator).
import { api } from "../api.js";
import { announce, h, mount, time } from "../dom.js";
import { sentence } from "../forms.js";
import { loadScopes } from "../scopes.js";
import { statusBadge } from "./api-keys.js";

export async function renderKeySettings(main, me, keyId) {
  document.title = "API key settings · Latchkey";
  const back = h("a", { class: "back-link", href: "#/settings/workspace/api-keys", text: "‹ Back to API keys" });
  mount(main, back, h("h1", { text: "API key settings" }), h("p", { class: "muted", text: "Loading…" }));
  let key;
  let catalog;
  try {
    [key, catalog] = await Promise.all([api.get(`/api-keys/${keyId}`).then((d) => d.data), loadScopes()]);
  } catch (error) {
    mount(main, back, h("h1", { text: "API key settings" }),
      h("div", { class: "alert alert-error", role: "alert", text: sentence(error.message) }));
    return;
  }
  const a = key.attributes;
  document.title = `${a.name} · API key settings · Latchkey`;
  const isCreator = a.createdBy.id === me.id;
  const editable = isCreator && a.status !== "removed";
  const feedback = h("div", { class: "alert", role: "status", hidden: true, "data-testid": "scope-feedback" });
  let saved = new Set(a.scopes);

  const switches = catalog.map((scope) => {
    const input = h("input", { type: "checkbox", role: "switch", id: `scope-${scope.id}`, value: scope.id,
      checked: saved.has(scope.id), disabled: !editable });
    input.addEventListener("change", () => save(input));
    return h("div", { class: "switch-row" },
      input,
      h("label", { for: input.id, class: "switch-label" },
        h("span", { class: "switch-track", "aria-hidden": "true" }),
        h("span", { class: "switch-text" },
          h("span", { class: "scope-title", text: scope.title }),
          h("span", { class: "scope-description", text: scope.description }),
          h("code", { class: "scope-id", text: scope.id }))));
  });
  const inputs = () => switches.map((row) => row.querySelector("input"));

  async function save(changed) {
    const wanted = inputs().filter((input) => input.checked).map((input) => input.value);
    inputs().forEach((input) => { input.disabled = true; });
    try {
      const updated = (await api.patch(`/api-keys/${keyId}`, { scopes: wanted })).data.attributes;
      saved = new Set(updated.scopes);
      const title = catalog.find((s) => s.id === changed.value).title;
      show(`Scopes saved: ${title} is ${changed.checked ? "on" : "off"}. The change applies from the key's next `
        + "request.", "success");
      announce("Scopes saved.");
    } catch (error) {
      show(sentence(error.message), "error");
    } finally {
      // Show what the server holds, whether or not the change went through.
      inputs().forEach((input) => {
        input.checked = saved.has(input.value);
        input.disabled = false;
      });
      changed.focus();
    }
  }

  function show(text, kind) {
    feedback.className = `alert alert-${kind}`;
    feedback.setAttribute("role", kind === "error" ? "alert" : "status");
    feedback.textContent = text;
    feedback.hidden = false;
  }

  mount(main,
    back,
    h("h1", { text: "API key settings" }),
    h("section", { class: "card", "aria-labelledby": "key-facts" },
      h("h2", { id: "key-facts", class: "card-title", text: a.name }),
      h("dl", { class: "facts" },
        fact("Name", a.name),
        fact("Key", h("code", { text: a.maskedKey })),
        fact("Status", statusBadge(a.status)),
        fact("Created on", time(a.createdAt)),
        fact("Created by", `${a.createdBy.name} (${a.createdBy.email})`),
        fact("Last used", time(a.lastUsedAt)),
        fact("Expiration", time(a.expiresAt)))),
    h("section", { class: "card", "aria-labelledby": "key-scopes" },
      h("h2", { id: "key-scopes", class: "card-title", text: "Scopes" }),
      h("p", { class: "muted", text: editable
        ? "Switch a scope on or off; each change is saved at once."
        : a.status === "removed"
          ? "This key was deleted; its scopes can no longer change."
          : `Only ${a.createdBy.name}, who created this key, can change its scopes.` }),
      feedback,
      h("div", { class: "switch-list", role: "group", "aria-labelledby": "key-scopes" }, switches)));
}

function fact(term, value) {
  return h("div", { class: "fact" }, h("dt", { text: term }), h("dd", {}, value));
}
