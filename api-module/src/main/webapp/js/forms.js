// Labelled form fields whose server-side errors are shown next to them, matched by JSON pointer.
import { h, uniqueId } from "./dom.js";

/**
 * Wraps `control` with its label, an optional hint and an error slot wired up through aria-describedby.
 * Returns { element, control, showError(message), clearError() }.
 */
export function field(labelText, control, { hint } = {}) {
  control.id ||= uniqueId("field");
  const hintElement = hint ? h("p", { class: "field-hint", id: uniqueId("hint"), text: hint }) : null;
  const errorElement = h("p", { class: "field-error", id: uniqueId("error"), hidden: true });
  const describe = (withError) => {
    const ids = [hintElement?.id, withError ? errorElement.id : null].filter(Boolean);
    if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
    else control.removeAttribute("aria-describedby");
  };
  describe(false);
  const element = h("div", { class: "field" },
    h("label", { for: control.id, text: labelText }), control, hintElement, errorElement);
  return {
    element,
    control,
    showError(message) {
      errorElement.textContent = message;
      errorElement.hidden = false;
      control.setAttribute("aria-invalid", "true");
      element.classList.add("has-error");
      describe(true);
    },
    clearError() {
      errorElement.textContent = "";
      errorElement.hidden = true;
      control.removeAttribute("aria-invalid");
      element.classList.remove("has-error");
      describe(false);
    },
  };
}

/** A form-level alert for errors that belong to no single field. */
export function formAlert() {
  const element = h("div", { class: "alert alert-error", role: "alert", hidden: true });
  return {
    element,
    show(message) {
      element.textContent = message;
      element.hidden = false;
    },
    clear() {
      element.textContent = "";
      element.hidden = true;
    },
  };
}

/**
 * Shows each of an ApiError's errors at the field its source.pointer names ("/name", "/scopes/2" → "/scopes");
 * the rest go to `alert`. Focuses the first field in error so keyboard users land on it.
 */
export function showErrors(error, fieldsByPointer, alert) {
  Object.values(fieldsByPointer).forEach((f) => f.clearError());
  alert.clear();
  const unplaced = [];
  let first = null;
  for (const problem of error.errors ?? [{ detail: error.message }]) {
    const target = fieldFor(problem.source?.pointer ?? problem.source?.parameter, fieldsByPointer);
    const message = sentence(problem.detail || problem.title);
    if (target) {
      target.showError(message);
      first ||= target;
    } else {
      unplaced.push(message);
    }
  }
  if (unplaced.length) alert.show(unplaced.join(" "));
  if (first) first.control.focus();
  else if (unplaced.length) alert.element.focus?.();
}

function fieldFor(pointer, fieldsByPointer) {
  if (!pointer) return null;
  const exact = fieldsByPointer[pointer];
  if (exact) return exact;
  const parent = Object.keys(fieldsByPointer).find((key) => pointer.startsWith(`${key}/`));
  return parent ? fieldsByPointer[parent] : null;
}

/** The server words details in lower case without a full stop; people read sentences. */
export function sentence(text) {
  if (!text) return "";
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** A button that shows a busy state while `action` runs, and cannot be pressed twice meanwhile. */
export async function whileBusy(button, action) {
  const wasDisabled = button.disabled;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    return await action();
  } finally {
    button.removeAttribute("aria-busy");
    button.disabled = wasDisabled;
  }
}
