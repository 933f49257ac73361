// Settings → Workspace configuration: a page of tabs, of which API keys is the one that matters here.
import { h, mount } from "../dom.js";
import { may, roleLabel } from "../roles.js";
import { renderApiKeysTab } from "./api-keys.js";
import { renderUsersTab } from "./users.js";

// Each tab opens for whoever the server grants its permission (whoami's `permissions`).
const TABS = [
  { id: "users", label: "Users", render: renderUsersTab, permission: "list_users",
    topic: "see the workspace's people" },
  { id: "api-keys", label: "API keys", render: renderApiKeysTab, permission: "list_api_keys",
    topic: "see and generate API keys" },
];

export async function renderWorkspaceConfiguration(main, me, tabId) {
  const tab = TABS.find((t) => t.id === tabId);
  document.title = `${tab.label} · Workspace configuration · Latchkey`;
  const panel = h("section", { class: "tab-panel", "aria-labelledby": `tab-${tab.id}` });
  mount(main,
    h("nav", { class: "breadcrumbs", "aria-label": "Breadcrumb" }, h("span", { text: "Settings" })),
    h("h1", { text: "Workspace configuration" }),
    h("nav", { class: "tabs", "aria-label": "Workspace configuration" },
      TABS.map((t) => h("a", { id: `tab-${t.id}`, class: "tab", href: `#/settings/workspace/${t.id}`,
        "aria-current": t.id === tab.id ? "page" : null, text: t.label }))),
    panel);
  if (!may(me, tab.permission)) {
    mount(panel, notAllowed(me, tab));
    return;
  }
  await tab.render(panel, me);
}

/** What people the server does not let through see instead of the tab, and why. */
function notAllowed(me, tab) {
  return h("div", { class: "empty-state", "data-testid": "not-allowed" },
    h("h2", { text: `No access to ${tab.label}` }),
    h("p", { text: `Your role does not let you ${tab.topic}. You are signed in as a ${roleLabel(me.role)}.` }),
    h("p", { text: "If you need an API key, ask an administrator of your workspace." }));
}
