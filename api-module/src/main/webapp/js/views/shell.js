// The signed-in frame: top bar with the person and sign-out, left navigation, and the main area pages render into.
import { h, mount } from "../dom.js";
import { roleLabel } from "../roles.js";

const NAVIGATION = [
  { section: "Settings", links: [{ label: "Workspace configuration", href: "#/settings/workspace/api-keys",
    matches: "#/settings/workspace/" }] },
];

/** Renders the shell once per sign-in; returns { main, highlight(hash) }. */
export function renderShell(root, me, { onSignOut }) {
  const main = h("main", { id: "main", class: "main", tabindex: "-1" });
  const links = [];
  const nav = h("nav", { id: "side-navigation", class: "side-nav", "aria-label": "Main" },
    NAVIGATION.map(({ section, links: items }) => h("div", { class: "nav-section" },
      h("h2", { class: "nav-heading", text: section }),
      h("ul", {}, items.map((item) => {
        const link = h("a", { href: item.href, class: "nav-link", text: item.label });
        links.push({ link, item });
        return h("li", {}, link);
      })))));
  const menuToggle = h("button", { type: "button", class: "icon-button menu-toggle", "aria-expanded": "false",
    "aria-controls": "side-navigation", "aria-label": "Menu", text: "☰" });
  menuToggle.addEventListener("click", () => {
    const open = menuToggle.getAttribute("aria-expanded") !== "true";
    menuToggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  });
  nav.addEventListener("click", (event) => {
    if (event.target.closest("a")) {
      menuToggle.setAttribute("aria-expanded", "false");
      nav.classList.remove("open");
    }
  });

  const initials = (me.name || me.email).split(/[\s@.]+/).filter(Boolean).slice(0, 2)
    .map((part) => part[0].toUpperCase()).join("");
  const person = h("div", { class: "person", "data-testid": "signed-in-person" },
    h("span", { class: "avatar", "aria-hidden": "true", text: initials }),
    h("span", { class: "person-text" },
      h("span", { class: "person-name", text: me.name || me.email }),
      h("span", { class: "person-detail", text: `${me.email} · ${roleLabel(me.role)}` })));
  const signOut = h("button", { type: "button", class: "button button-quiet", text: "Sign out", onclick: onSignOut });

  mount(root, h("div", { class: "shell" },
    h("header", { class: "top-bar" },
      menuToggle,
      h("a", { class: "brand", href: "#/settings/workspace/api-keys" },
        h("img", { src: "/img/latchkey.svg", alt: "", width: 28, height: 28 }), h("span", { text: "Latchkey" })),
      h("div", { class: "top-bar-end" }, person, signOut)),
    nav,
    main));

  return {
    main,
    highlight(hash) {
      for (const { link, item } of links) {
        if (hash.startsWith(item.matches)) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
      }
    },
  };
}
