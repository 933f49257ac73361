// The Users tab: the workspace's people with their roles (read-only here).
import { api, query } from "../api.js";
import { h, mount, time, formatDate } from "../dom.js";
import { roleLabel } from "../roles.js";
import { pager } from "./pager.js";

const PAGE_SIZE = 10;

export async function renderUsersTab(panel) {
  const state = { page: 1 };
  const body = h("div", { class: "table-region" });
  mount(panel, h("div", { class: "panel-header" }, h("div", {},
    h("h2", { text: "Users" }),
    h("p", { class: "muted", text: "People who can sign in to this workspace." }))), body);

  async function load() {
    body.setAttribute("aria-busy", "true");
    try {
      const list = await api.get(`/users${query({ "page[number]": state.page, "page[size]": PAGE_SIZE })}`);
      mount(body, h("table", { class: "data-table" },
        h("caption", { class: "visually-hidden", text: "Users" }),
        h("thead", {}, h("tr", {}, ["Name", "Email", "Role", "Status", "Added on"]
          .map((label) => h("th", { scope: "col", text: label })))),
        h("tbody", {}, list.data.map((user) => h("tr", {},
          h("td", { "data-label": "Name" }, h("strong", { text: user.attributes.name })),
          h("td", { "data-label": "Email", text: user.attributes.email }),
          h("td", { "data-label": "Role", text: roleLabel(user.attributes.role) }),
          h("td", { "data-label": "Status" }, user.attributes.disabled
            ? h("span", { class: "badge badge-removed", text: "Disabled" })
            : h("span", { class: "badge badge-active", text: "Enabled" })),
          h("td", { "data-label": "Added on" }, time(user.attributes.createdAt, formatDate)))))),
      pager(list.meta.page, "user", (page) => { state.page = page; load(); }));
    } catch (error) {
      mount(body, h("div", { class: "alert alert-error", role: "alert", text: error.message }));
    } finally {
      body.removeAttribute("aria-busy");
    }
  }
  await load();
}
