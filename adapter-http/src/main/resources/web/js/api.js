// The JSON API of DESIGN §3, called with the session cookie (HttpOnly, sent by the browser) and, on
// unsafe methods, the header X-CSRF-Token. The server writes the session's CSRF token into the page it
// serves (<meta name="csrf-token">), so no token is kept in the browser's storage.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `The server answered ${status}.`);
    this.status = status;
    this.error = body && body.error;
    this.reason = body && body.reason;
  }
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute("content") : "";
}

export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (method !== "GET") {
    headers["X-CSRF-Token"] = csrfToken();
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      cache: "no-store",
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
    if (response.status === 401 && !path.startsWith("/api/v1/session")) {
      // The session ended (timeout, logout elsewhere, account disabled): back to the sign-in page.
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
    window.location.assign("/");
  }
}

// One page of a list (docs/openapi.yaml, "Lists"): its items, the cursor of the next page (null on
// the last one) and the list's size, exact or estimated.
export async function apiPage(path, params, cursor) {
  const query = new URLSearchParams(params);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  const target = text ? `${path}?${text}` : path;
  let response;
  try {
    response = await fetch(target, {
      method: "GET",
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (e) {
    throw new ApiError(0, { message: "The server cannot be reached. Check your connection and try again." });
  }
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    if (response.status === 401) window.location.assign("/");
    throw new ApiError(response.status, data);
  }
  const total = response.headers.get("X-Total-Count");
  return {
    items: data,
    next: response.headers.get("X-Next-Cursor"),
    total: total === null ? null : Number(total),
    exact: response.headers.get("X-Total-Count-Exact") !== "false",
  };
}
