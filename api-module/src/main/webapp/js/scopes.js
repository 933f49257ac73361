// The nine scopes as the server describes them (GET /scopes), fetched once per page load.
import { api } from "./api.js";

let cached = null;

/** Resolves to [{ id, title, description }] in the server's order. */
export function loadScopes() {
  cached ||= api.get("/scopes")
    .then((list) => list.data.map((scope) => ({ id: scope.id, ...scope.attributes })))
    .catch((error) => {
      cached = null;
      throw error;
    });
  return cached;
}
