// Small DOM helpers: every user-supplied text goes through textContent, never innerHTML.

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
export function formatInstant(iso) {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZoneName: "short",
  });
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

// Asks for confirmation in the shared dialog; resolves once the action succeeded or the user cancelled.
export function confirmAction({ title, text, action, run }) {
  const dialog = byId("confirm-dialog");
  byId("confirm-title").textContent = title;
  byId("confirm-text").textContent = text;
  const ok = byId("confirm-ok");
  ok.textContent = action;
  showError("confirm-error", null);
  return new Promise((resolve) => {
    const cleanup = () => {
      ok.removeEventListener("click", onOk);
      byId("confirm-cancel").removeEventListener("click", onCancel);
    };
    const onOk = async () => {
      ok.disabled = true;
      try {
        await run();
        cleanup();
        dialog.close();
        resolve(true);
      } catch (e) {
        showError("confirm-error", e);
      } finally {
        ok.disabled = false;
      }
    };
    const onCancel = () => {
      cleanup();
      dialog.close();
      resolve(false);
    };
    ok.addEventListener("click", onOk);
    byId("confirm-cancel").addEventListener("click", onCancel);
    dialog.showModal();
  });
}

// Shows a token value once, with a copy button; closing the dialog removes the value from the page.
export function showValueOnce(value, title) {
  const dialog = byId("value-dialog");
  const input = byId("token-value");
  byId("value-dialog-title").textContent = title;
  input.value = value;
  byId("copy-status").textContent = "";
  const copy = byId("copy-value");
  const onCopy = async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      byId("copy-status").textContent = "Copied to the clipboard.";
    } catch (e) {
      document.execCommand("copy");
      byId("copy-status").textContent = "Copied. If not, select the value and press Ctrl+C.";
    }
  };
  copy.addEventListener("click", onCopy);
  return new Promise((resolve) => {
    const onClose = () => {
      input.value = "";
      copy.removeEventListener("click", onCopy);
      byId("value-close").removeEventListener("click", close);
      dialog.removeEventListener("close", onClose);
      resolve();
    };
    const close = () => dialog.close();
    byId("value-close").addEventListener("click", close);
    dialog.addEventListener("close", onClose);
    dialog.showModal();
    input.select();
  });
}

// Plain words for each failure reason of DESIGN §2.
export const REASON_WORDS = {
  missing_credentials: "No token was sent",
  ambiguous_credentials: "Two different tokens were sent",
  malformed_token: "Not a valid token (mistyped or cut)",
  token_deleted: "This token was deleted",
  unknown_token: "Unknown token",
  token_refreshed: "Old value: replaced by a refresh",
  wrong_secret: "Wrong secret",
  token_expired: "Expired",
  principal_disabled: "Account disabled",
  profile_not_allowed: "Owner lost the profile needed for personal tokens",
  scope_not_granted: "Scope not granted",
  rest_profile_required: "REST Services User profile required",
};

export function tokenStateBadges(token) {
  const badges = [];
  if (token.expired) badges.push(el("span", { class: "badge expired", text: "expired" }));
  else if (token.expiresSoon) badges.push(el("span", { class: "badge soon", text: "expires soon" }));
  return badges;
}
