// The JSON API of DESIGN §3, called with the session cookie and the CSRF header.
const CSRF_KEY = "tokensmith.csrf";

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `The server answered ${status}.`);
    this.status = status;
    this.error = body && body.error;
    this.reason = body && body.reason;
  }
}

export function rememberCsrf(token) {
  localStorage.setItem(CSRF_KEY, token);
}

export function forgetCsrf() {
  localStorage.removeItem(CSRF_KEY);
}

export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (method !== "GET") {
    headers["X-CSRF-Token"] = localStorage.getItem(CSRF_KEY) || "";
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { message: "The server cannot be reached. Check your connection and try again." });
  }
  if (response.status === 204) {
    return null;
  }
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith("/session")) {
      window.location.assign("/");
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

export async function logout() {
  try {
    await api("DELETE", "/api/v1/session");
  } finally {
    forgetCsrf();
    window.location.assign("/");
  }
}
