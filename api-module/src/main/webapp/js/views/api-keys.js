// The API keys tab: the workspace's keys, sortable by name, paged, with a menu per row and the Generate button.
import { api, query } from "../api.js";
import { announce, h, mount, time, formatDate } from "../dom.js";
import { confirmDialog } from "../dialogs.js";
import { sentence } from "../forms.js";
import { may } from "../roles.js";
import { pager } from "./pager.js";
import { rowMenu } from "./row-menu.js";
import { openGenerateWizard } from "./wizard.js";

const PAGE_SIZE = 10;
const STATUS_LABELS = { active: "Active", expired: "Expired", removed: "Removed" };

/** The menu offers only what the server would allow: its own keys, or others' when whoami grants that. */
function mayRemove(me, creator) {
  return may(me, "remove_api_key") && (creator.id === me.id || may(me, "remove_others_api_keys"));
}

export function statusBadge(status) {
  return h("span", { class: `badge badge-${status}`, "data-status": status, text: STATUS_LABELS[status] ?? status });
}

export async function renderApiKeysTab(panel, me) {
  const state = { page: 1, sort: "-createdAt", status: "" };
  const tableRegion = h("div", { class: "table-region" });
  const message = h("div", { class: "alert", role: "status", hidden: true });
  const generate = h("button", { type: "button", class: "button button-primary", text: "Generate API key",
    onclick: () => openGenerateWizard({
      onDone: (name) => {
        showMessage(`API key “${name}” is active.`);
        state.page = 1;
        state.sort = "-createdAt";
        load();
      },
    }) });
  const statusFilter = h("select", { id: "status-filter" },
    h("option", { value: "", text: "All statuses" }),
    Object.entries(STATUS_LABELS).map(([value, label]) => h("option", { value, text: label })));
  statusFilter.addEventListener("change", () => {
    state.status = statusFilter.value;
    state.page = 1;
    load();
  });

  mount(panel,
    h("div", { class: "panel-header" },
      h("div", {},
        h("h2", { text: "API keys" }),
        h("p", { class: "muted", text: "Keys let scripts and integrations call the Latchkey API as you, limited to "
          + "the scopes you choose. A key is shown once, when it is generated." })),
      may(me, "start_wizard") ? generate : null),
    message,
    h("div", { class: "toolbar" },
      h("label", { for: "status-filter", text: "Status" }), statusFilter),
    tableRegion);

  function showMessage(text, kind = "success") {
    message.className = `alert alert-${kind}`;
    message.textContent = text;
    message.hidden = false;
  }

  async function load() {
    tableRegion.setAttribute("aria-busy", "true");
    try {
      const list = await api.get(`/api-keys${query({ "filter[status]": state.status, sort: state.sort,
        "page[number]": state.page, "page[size]": PAGE_SIZE })}`);
      mount(tableRegion, list.data.length === 0 && state.page === 1
        ? h("div", { class: "empty-state" }, h("h3", { text: state.status ? "No keys with this status"
          : "No API keys yet" }), h("p", { text: "Generate a key to let a script or integration call the API." }))
        : table(list.data), pager(list.meta.page, "key", (page) => { state.page = page; load(); }));
    } catch (error) {
      mount(tableRegion, h("div", { class: "alert alert-error", role: "alert", text: sentence(error.message) }));
    } finally {
      tableRegion.removeAttribute("aria-busy");
    }
  }

  function sortHeader(label, field) {
    const direction = state.sort === field ? "ascending" : state.sort === `-${field}` ? "descending" : "none";
    const next = direction === "ascending" ? `-${field}` : field;
    const arrow = { ascending: "▲", descending: "▼", none: "↕" }[direction];
    return h("th", { scope: "col", "aria-sort": direction },
      h("button", { type: "button", class: "sort-button", "data-sort": field,
        onclick: () => { state.sort = next; state.page = 1; load(); } },
        label, h("span", { class: "sort-arrow", "aria-hidden": "true", text: arrow })));
  }

  function table(keys) {
    return h("table", { class: "data-table keys-table" },
      h("caption", { class: "visually-hidden", text: "API keys" }),
      h("thead", {}, h("tr", {},
        sortHeader("Name", "name"),
        sortHeader("Created on", "createdAt"),
        h("th", { scope: "col", text: "By" }),
        h("th", { scope: "col", text: "Status" }),
        h("th", { scope: "col", text: "Last used" }),
        h("th", { scope: "col" }, h("span", { class: "visually-hidden", text: "Actions" })))),
      h("tbody", {}, keys.map(row)));
  }

  function row(key) {
    const a = key.attributes;
    return h("tr", { "data-key-id": key.id },
      h("td", { "data-label": "Name" }, h("span", { class: "name-cell" },
        h("a", { class: "key-name", href: `#/settings/workspace/api-keys/${key.id}`, text: a.name }),
        h("code", { class: "masked-key", text: a.maskedKey }))),
      h("td", { "data-label": "Created on" }, time(a.createdAt, formatDate)),
      h("td", { "data-label": "By" },
        h("span", { class: "person-cell" }, h("span", { text: a.createdBy.name }),
          h("span", { class: "muted", text: a.createdBy.email }))),
      h("td", { "data-label": "Status" }, statusBadge(a.status)),
      h("td", { "data-label": "Last used" }, time(a.lastUsedAt)),
      h("td", { class: "actions-cell" }, rowMenu(`Actions for ${a.name}`, [
        { label: "API key settings", onSelect: () => { location.hash = `#/settings/workspace/api-keys/${key.id}`; } },
        { label: "Delete API key", danger: true, disabled: a.status === "removed" || !mayRemove(me, a.createdBy),
          onSelect: () => remove(key) },
      ])));
  }

  async function remove(key) {
    const confirmed = await confirmDialog({ title: "Delete API key?",
      message: [`“${key.attributes.name}” (${key.attributes.maskedKey}) stops working at once: every request that `
        + "sends it is refused from now on.", "This cannot be undone."],
      confirmLabel: "Delete API key", danger: true });
    if (!confirmed) return;
    try {
      await api.delete(`/api-keys/${key.id}`);
      showMessage(`API key “${key.attributes.name}” was deleted.`);
      announce(`API key ${key.attributes.name} was deleted.`);
    } catch (error) {
      showMessage(sentence(error.message), "error");
    }
    await load();
  }

  await load();
}
