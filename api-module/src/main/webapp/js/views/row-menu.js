// The "⋯" menu of a table row, following the WAI-ARIA menu button pattern (arrow keys, Home/End, Escape).
import { h, uniqueId } from "../dom.js";

/** `items` are { label, onSelect, danger?, disabled? }; `label` names the button for screen readers. */
export function rowMenu(label, items) {
  const menuId = uniqueId("menu");
  const button = h("button", { type: "button", class: "icon-button row-menu-button", "aria-haspopup": "menu",
    "aria-expanded": "false", "aria-controls": menuId, "aria-label": label, text: "⋯" });
  const entries = items.map((item) => h("button", { type: "button", role: "menuitem", tabindex: "-1",
    class: item.danger ? "menu-item menu-item-danger" : "menu-item", "aria-disabled": item.disabled ? "true" : null,
    text: item.label, onclick: () => {
      if (item.disabled) return;
      close(false);
      item.onSelect();
    } }));
  const menu = h("div", { id: menuId, class: "menu", role: "menu", "aria-label": label, hidden: true }, entries);

  const onOutsideClick = (event) => {
    if (!wrapper.contains(event.target)) close(false);
  };
  function open(focusIndex = 0) {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    entries[focusIndex].focus();
    document.addEventListener("click", onOutsideClick, true);
  }
  function close(returnFocus = true) {
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("click", onOutsideClick, true);
    if (returnFocus) button.focus();
  }
  button.addEventListener("click", () => (menu.hidden ? open() : close()));
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      open(event.key === "ArrowDown" ? 0 : entries.length - 1);
    }
  });
  menu.addEventListener("keydown", (event) => {
    const index = entries.indexOf(document.activeElement);
    const moves = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: entries.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      entries[(moves[event.key] + entries.length) % entries.length].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      close(false);
    }
  });
  const wrapper = h("div", { class: "row-menu" }, button, menu);
  return wrapper;
}
