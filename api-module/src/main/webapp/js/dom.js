// Tiny DOM helpers: elements are built with h() so that text is always set as text, never parsed as HTML.

/**
 * Creates an element. Attributes starting with "on" become listeners; `class`, `text`, `dataset` and boolean
 * attributes are handled; children may be nodes, strings, arrays, or null/false (skipped).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "class") {
      element.className = value;
    } else if (name === "text") {
      element.textContent = value;
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function mount(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

let uniqueCounter = 0;

/** A document-unique id for pairing labels, descriptions and error messages with their controls. */
export function uniqueId(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

/** Says `message` to screen readers through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById("announcer");
  // Clearing first makes a repeated message be read again.
  region.textContent = "";
  window.setTimeout(() => { region.textContent = message; }, 50);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** "Nov 27, 2026, 10:15 AM" for an ISO instant, or `fallback` when there is none. */
export function formatDateTime(iso, fallback = "Never") {
  return iso ? dateTime.format(new Date(iso)) : fallback;
}

/** "Nov 27, 2026" for an ISO instant. */
export function formatDate(iso) {
  return iso ? dateOnly.format(new Date(iso)) : "";
}

/** A <time> element showing `iso` formatted, with the exact instant in its datetime attribute and tooltip. */
export function time(iso, format = formatDateTime, fallback = "Never") {
  if (!iso) return h("span", { class: "muted", text: fallback });
  return h("time", { datetime: iso, title: new Date(iso).toString(), text: format(iso) });
}
