// The one place that talks to /api/v1: adds the bearer token, parses JSON, and turns error documents into ApiError.

const TOKEN_KEY = "latchkey.token";
const PERSON_KEY = "latchkey.person";

/** An error response: its status and the server's `errors` array ({status, code, title, detail, source}). */
export class ApiError extends Error {
  constructor(status, errors) {
    super(errors.map((e) => e.detail || e.title).join("; ") || `request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.errors = errors;
  }

  /** The first error's code, e.g. "name_taken". */
  get code() {
    return this.errors[0]?.code ?? "";
  }
}

/**
 * The signed-in session. The bearer token lives in sessionStorage (one tab, gone when it closes); nothing else
 * secret is ever stored by the app.
 */
export const session = {
  token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  person() {
    const stored = sessionStorage.getItem(PERSON_KEY);
    return stored ? JSON.parse(stored) : null;
  },
  start(token, person) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(PERSON_KEY, JSON.stringify(person));
  },
  remember(person) {
    sessionStorage.setItem(PERSON_KEY, JSON.stringify(person));
  },
  end() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(PERSON_KEY);
  },
};

const unauthorizedListeners = new Set();

/** Calls `listener` when the server answers 401 to a signed-in request (the token expired or was revoked). */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

/** Sends one request; resolves to the parsed body (null for 204) or rejects with ApiError. */
export async function request(method, path, body) {
  const headers = { Accept: "application/json" };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
    });
  } catch {
    throw new ApiError(0, [{ code: "network_error", title: "Network error",
      detail: "The server could not be reached. Check your connection and try again." }]);
  }
  const text = await response.text();
  const json = text ? parse(text) : null;
  if (response.ok) return json;
  const errors = Array.isArray(json?.errors) && json.errors.length > 0
    ? json.errors
    : [{ status: response.status, code: "http_" + response.status, title: response.statusText,
      detail: `The server answered ${response.status}.` }];
  if (response.status === 401 && token) unauthorizedListeners.forEach((listener) => listener());
  throw new ApiError(response.status, errors);
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const api = {
  get: (path) => request("GET", path),
  post: (path, body) => request("POST", path, body),
  put: (path, body) => request("PUT", path, body),
  patch: (path, body) => request("PATCH", path, body),
  delete: (path) => request("DELETE", path),
};

/** Builds a query string from an object, skipping empty values. */
export function query(parameters) {
  const parts = Object.entries(parameters)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}
