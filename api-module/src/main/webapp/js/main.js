// Entry point: decides between the sign-in page and the signed-in app, and maps the URL's hash to a page.
import { api, onUnauthorized, session } from "./api.js";
import { h, mount } from "./dom.js";
import { renderSignIn } from "./views/sign-in.js";
import { renderShell } from "./views/shell.js";
import { renderWorkspaceConfiguration } from "./views/workspace.js";
import { renderKeySettings } from "./views/key-settings.js";

const root = document.getElementById("app");
const DEFAULT_ROUTE = "#/settings/workspace/api-keys";

/** Routes, most specific first; each renders into the shell's main area. */
const ROUTES = [
  { pattern: /^#\/settings\/workspace\/api-keys\/([0-9A-Za-z]+)$/, render: (main, me, [id]) => renderKeySettings(main, me, id) },
  { pattern: /^#\/settings\/workspace\/(api-keys|users)$/, render: (main, me, [tab]) => renderWorkspaceConfiguration(main, me, tab) },
];

let shell = null;
let signOutNotice = "";

async function route() {
  if (!session.token()) {
    shell = null;
    // After signing in, people land where the address they opened pointed.
    const wanted = matchRoute() ? location.hash : DEFAULT_ROUTE;
    renderSignIn(root, { notice: signOutNotice, onSignedIn: () => { signOutNotice = ""; navigate(wanted); } });
    return;
  }
  const me = await currentPerson();
  if (!me) return;
  const match = matchRoute();
  if (!match) {
    location.replace(DEFAULT_ROUTE);
    return;
  }
  shell ||= renderShell(root, me, { onSignOut: signOut });
  shell.highlight(location.hash);
  await match.r.render(shell.main, me, match.m.slice(1));
}

function matchRoute() {
  return ROUTES.map((r) => ({ r, m: r.pattern.exec(location.hash) })).find(({ m }) => m);
}

/** Who is signed in; whoami also proves the stored token still works. */
async function currentPerson() {
  try {
    const whoami = (await api.get("/whoami")).data.attributes;
    const remembered = session.person() ?? {};
    const me = { id: whoami.userId, email: whoami.email, role: whoami.role, permissions: whoami.permissions,
      name: remembered.id === whoami.userId ? remembered.name : whoami.email };
    session.remember(me);
    return me;
  } catch (error) {
    if (error.status !== 401) {
      mount(root, h("div", { class: "fatal", role: "alert" }, h("h1", { text: "Latchkey is unavailable" }),
        h("p", { text: error.message }),
        h("button", { type: "button", class: "button", text: "Try again", onclick: route })));
    }
    return null;
  }
}

async function signOut() {
  try {
    await api.delete("/auth/tokens/current");
  } catch {
    // Ending the local session matters more than telling the server; the token expires within the hour anyway.
  }
  endSession("You have signed out.");
}

function endSession(notice) {
  session.end();
  signOutNotice = notice;
  shell = null;
  navigate("#/sign-in");
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

// The skip link moves focus without touching the hash, which belongs to the router.
document.querySelector(".skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  document.getElementById("main")?.focus();
});
onUnauthorized(() => endSession("Your session has ended. Sign in again to continue."));
window.addEventListener("hashchange", route);
route().finally(() => root.removeAttribute("aria-busy"));
