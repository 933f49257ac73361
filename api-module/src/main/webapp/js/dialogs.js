// Modal dialogs on the native <dialog> element: it traps focus, makes the page behind it inert and restores focus.
import { h, uniqueId } from "./dom.js";

/**
 * Opens a modal dialog. `onDismiss` runs when the person presses Escape or the close button; it decides whether the
 * dialog really closes (return true) or stays. Returns { dialog, heading, body, footer, dismiss(), close() }.
 */
export function openDialog({ title, className = "", onDismiss = () => true, describedBy }) {
  const titleId = uniqueId("dialog-title");
  const body = h("div", { class: "dialog-body" });
  const footer = h("div", { class: "dialog-footer" });
  const heading = h("h2", { id: titleId, class: "dialog-title", text: title, tabindex: "-1" });
  const closeButton = h("button", { type: "button", class: "icon-button dialog-close", "aria-label": "Close",
    text: "×" });
  const dialog = h("dialog", { class: `dialog ${className}`.trim(), "aria-labelledby": titleId,
    "aria-describedby": describedBy }, h("div", { class: "dialog-header" }, heading, closeButton), body, footer);
  const opener = document.activeElement;

  const close = () => {
    if (dialog.open) dialog.close();
    dialog.remove();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };
  const dismiss = async () => {
    if (await onDismiss()) close();
  };
  closeButton.addEventListener("click", dismiss);
  // Escape fires "cancel"; the dialog must not vanish before onDismiss has had its say.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    dismiss();
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, heading, body, footer, dismiss, close };
}

/** Asks a yes/no question in a small dialog; resolves true when the person confirms. */
export function confirmDialog({ title, message, confirmLabel, cancelLabel = "Cancel", danger = false }) {
  return new Promise((resolve) => {
    const messageId = uniqueId("dialog-message");
    let answered = false;
    const answer = (value) => {
      if (answered) return;
      answered = true;
      handle.close();
      resolve(value);
    };
    const handle = openDialog({ title, className: "dialog-small", describedBy: messageId,
      onDismiss: () => { answer(false); return false; } });
    handle.body.append(...[].concat(message).map((text, i) =>
      h("p", { id: i === 0 ? messageId : null, text })));
    const cancel = h("button", { type: "button", class: "button", text: cancelLabel, onclick: () => answer(false) });
    const confirm = h("button", { type: "button", class: danger ? "button button-danger" : "button button-primary",
      text: confirmLabel, onclick: () => answer(true) });
    handle.footer.append(cancel, confirm);
    // The safe choice has focus, so an accidental Enter does not delete anything.
    cancel.focus();
  });
}
