// The sign-in page: email and password for a one-hour bearer token.
import { api, session } from "../api.js";
import { h, mount } from "../dom.js";
import { field, formAlert, showErrors, whileBusy } from "../forms.js";

export function renderSignIn(root, { notice, onSignedIn }) {
  document.title = "Sign in · Latchkey";
  const email = field("Email", h("input", { type: "email", name: "email", autocomplete: "username", required: true }));
  const password = field("Password", h("input", { type: "password", name: "password",
    autocomplete: "current-password", required: true }));
  const alert = formAlert();
  const submit = h("button", { type: "submit", class: "button button-primary button-block", text: "Sign in" });
  const form = h("form", { class: "sign-in-form", novalidate: true }, alert.element, email.element, password.element,
    submit);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await whileBusy(submit, async () => {
      try {
        const reply = await api.post("/auth/tokens", { email: email.control.value.trim(),
          password: password.control.value });
        const { token, user } = reply.data.attributes;
        session.start(token, { id: user.id, name: user.attributes.name, email: user.attributes.email,
          role: user.attributes.role });
        onSignedIn();
      } catch (error) {
        showErrors(error, { "/email": email, "/password": password }, alert);
        password.control.value = "";
      }
    });
  });

  mount(root, h("main", { id: "main", class: "sign-in-page", tabindex: "-1" },
    h("div", { class: "sign-in-card" },
      h("div", { class: "brand brand-large" }, h("img", { src: "/img/latchkey.svg", alt: "", width: 40, height: 40 }),
        h("span", { text: "Latchkey" })),
      h("h1", { text: "Sign in to your workspace" }),
      notice ? h("p", { class: "alert alert-info", role: "status", text: notice }) : null,
      form)));
  email.control.focus();
}
