// The paging footer under a table: "Page 1 – 12 keys" with previous and next.
import { h } from "../dom.js";

/** `page` is the list's meta.page ({number, size, total}); `noun` is singular ("key"). */
export function pager(page, noun, goTo) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  const count = `${page.total} ${page.total === 1 ? noun : `${noun}s`}`;
  return h("nav", { class: "pager", "aria-label": "Pages" },
    h("p", { class: "pager-summary", "data-testid": "pager-summary", "aria-live": "polite",
      text: `Page ${page.number} – ${count}` }),
    h("div", { class: "pager-buttons" },
      h("button", { type: "button", class: "button button-small", disabled: page.number <= 1,
        "aria-label": "Previous page", onclick: () => goTo(page.number - 1) }, "‹ Previous"),
      h("span", { class: "pager-position", text: `${page.number} of ${pages}` }),
      h("button", { type: "button", class: "button button-small", disabled: page.number >= pages,
        "aria-label": "Next page", onclick: () => goTo(page.number + 1) }, "Next ›")));
}
