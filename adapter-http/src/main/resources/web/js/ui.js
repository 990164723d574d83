// Small DOM helpers. Every text that comes from the server or a person is set through textContent or
// an attribute, never parsed as HTML, so it is shown as text and never run.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

// Line icons drawn with SVG paths (no icon font, no emoji: both may be missing on the reader's machine).
const ICONS = {
  plus: ["M8 2.5v11", "M2.5 8h11"],
  edit: ["M10.8 2.7l2.5 2.5-7.6 7.6-3.2.7.7-3.2z", "M9.3 4.2l2.5 2.5"],
  refresh: ["M13.2 6.5A5.3 5.3 0 1 0 13 10", "M13.5 2.5v4h-4"],
  delete: ["M2.5 4h11", "M6 4V2.5h4V4", "M4 4l.8 9.5h6.4L12 4", "M6.7 6.5v4.8", "M9.3 6.5v4.8"],
  expand: ["M6 3.5l4.5 4.5L6 12.5"],
  key: ["M10.5 2.5a3 3 0 1 1-2.2 5L3 12.8V14h2.3v-1.3h1.3v-1.3h1.3l.9-.9", "M11.2 4.8h.01"],
  copy: ["M5.5 5.5h7v8h-7z", "M3.5 10.5v-8h7"],
};

export function icon(name) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", `icon-svg icon-${name}`);
  for (const d of ICONS[name]) {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

// A button showing only an icon: its name for screen readers and its tooltip say what it does.
export function iconButton(name, label, onClick, extraClass = "") {
  const button = el("button", { type: "button", class: `icon ${name} ${extraClass}`.trim(), "aria-label": label, title: label });
  button.append(icon(name));
  if (onClick) button.addEventListener("click", onClick);
  return button;
}

export function byId(id) {
  return document.getElementById(id);
}

export function show(node, visible = true) {
  node.hidden = !visible;
}

export function setText(id, text) {
  byId(id).textContent = text === null || text === undefined || text === "" ? "—" : String(text);
}

// Dates are shown in the browser's time zone, with the zone named.
export const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "your time zone";
const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

export function formatInstant(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

// A <time> element: the local date as text, the exact instant as its machine-readable value and tooltip.
export function timeEl(iso) {
  return el("time", { datetime: iso, title: iso, text: formatInstant(iso) });
}

// The server's sentences name instants in UTC (ISO-8601); show them in the reader's time zone too.
export function localizeInstants(text) {
  return String(text || "").replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g, (iso) => formatInstant(iso));
}

// An <input type="datetime-local"> value (local time) as an ISO-8601 instant, or null.
export function localInputToInstant(value) {
  return value ? new Date(value).toISOString() : null;
}

// An ISO instant as a datetime-local value in the browser's time zone.
export function instantToLocalInput(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function showError(id, error) {
  const node = byId(id);
  node.textContent = error ? error.message : "";
  node.hidden = !error;
}

// Opens a modal dialog. Every listener added with `on` is removed when the dialog closes, whether by
// a button, the Escape key or code, so a dialog opened again never runs an earlier action twice.
export function modal(dialog) {
  const controller = new AbortController();
  const on = (node, type, listener) => node.addEventListener(type, listener, { signal: controller.signal });
  const closed = new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        controller.abort();
        resolve();
      },
      { once: true },
    );
  });
  dialog.showModal();
  return { on, closed, close: () => dialog.close() };
}

// Runs a form in a dialog until it is saved (resolves to submit()'s result) or cancelled (null).
export async function formDialog({ dialog, form, cancel, save, errorId, submit, focus }) {
  showError(errorId, null);
  const m = modal(dialog);
  let result = null;
  m.on(cancel, "click", () => m.close());
  m.on(form, "submit", async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      result = await submit();
      m.close();
    } catch (e) {
      showError(errorId, e);
    } finally {
      save.disabled = false;
    }
  });
  if (focus) focus.focus();
  await m.closed;
  return result;
}

// Asks for confirmation in the shared dialog; resolves to true once the action succeeded, false if cancelled.
export async function confirmAction({ title, text, action, run }) {
  const dialog = byId("confirm-dialog");
  byId("confirm-title").textContent = title;
  byId("confirm-text").textContent = text;
  const ok = byId("confirm-ok");
  ok.textContent = action;
  showError("confirm-error", null);
  const m = modal(dialog);
  let done = false;
  m.on(byId("confirm-cancel"), "click", () => m.close());
  m.on(ok, "click", async () => {
    ok.disabled = true;
    try {
      await run();
      done = true;
      m.close();
    } catch (e) {
      showError("confirm-error", e);
    } finally {
      ok.disabled = false;
    }
  });
  byId("confirm-cancel").focus();
  await m.closed;
  return done;
}

// Shows a token value once, with a copy button; closing the dialog removes the value from the page.
export async function showValueOnce(value, title) {
  const dialog = byId("value-dialog");
  const box = byId("token-value");
  const status = byId("copy-status");
  byId("value-dialog-title").textContent = title;
  box.value = value;
  status.textContent = "";
  const m = modal(dialog);
  m.on(byId("copy-value"), "click", async () => {
    box.focus();
    box.select();
    try {
      await navigator.clipboard.writeText(box.value);
      status.textContent = "Copied to the clipboard.";
    } catch (e) {
      const copied = document.execCommand("copy");
      status.textContent = copied
        ? "Copied to the clipboard."
        : "Your browser refused to copy: the value is selected, press Ctrl+C (⌘C on a Mac).";
    }
  });
  const forget = () => {
    box.value = "";
    status.textContent = "";
  };
  // the value goes as the dialog goes: the dialog's close event (which Escape also fires) comes a
  // moment after the dialog is hidden
  m.on(byId("value-close"), "click", () => {
    forget();
    m.close();
  });
  box.focus();
  box.select();
  await m.closed;
  forget();
}

// Plain words for each failure reason of DESIGN §2.
export const REASON_WORDS = {
  missing_credentials: "No token was sent",
  ambiguous_credentials: "Two different tokens were sent in one request",
  malformed_token: "Not a valid token (mistyped or cut short)",
  token_deleted: "This token was deleted",
  unknown_token: "Unknown token",
  token_refreshed: "Old value: replaced by a refresh",
  wrong_secret: "Wrong secret (the value was altered)",
  token_expired: "The token has expired",
  token_inactive: "Unused for longer than the token policy's inactivity limit",
  principal_disabled: "The account is disabled",
  profile_not_allowed: "The owner no longer holds a profile allowed to own personal tokens",
  scope_not_granted: "Scope not granted to this token",
  rest_profile_required: "The profile REST Services User is required",
  rate_limited: "Refused: too many tokens that do not work came from this address (wait, then retry)",
};

export function tokenStateBadges(token) {
  if (token.expired) return [el("span", { class: "badge expired", text: "expired" })];
  if (token.expiresSoon) return [el("span", { class: "badge soon", text: "expires soon" })];
  return [];
}
