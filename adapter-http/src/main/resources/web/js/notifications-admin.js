// Administration → Webhooks and Notification deliveries.
import { api } from "./api.js";
import { byId, confirmAction, el, iconButton, modal, show, showError, timeEl } from "./ui.js";

const WEBHOOKS = "/api/v1/admin/webhooks";
const DELIVERIES = "/api/v1/admin/notification-deliveries";
const EVENTS = [
  ["token.expiry_coming", "expiry coming"],
  ["token.created", "created"],
  ["token.refreshed", "refreshed"],
  ["token.deleted", "deleted"],
  ["token.revoked", "revoked by value"],
  ["token.new_address", "new address"],
  ["token.profile_not_allowed", "owner lost a profile"],
  ["token.policy_deadline", "policy deadline"],
];

function eventChecks() {
  byId("webhook-events").replaceChildren(
    ...EVENTS.map(([code, words], i) =>
      el(
        "label",
        { class: "check", for: `webhook-event-${i}` },
        el("input", { type: "checkbox", id: `webhook-event-${i}`, value: code }),
        el("span", { text: words }),
      ),
    ),
  );
}

async function loadWebhooks() {
  const hooks = await api("GET", WEBHOOKS);
  show(byId("webhooks-empty"), hooks.length === 0);
  show(byId("webhooks-table"), hooks.length > 0);
  byId("webhooks-body").replaceChildren(
    ...hooks.map((hook) =>
      el(
        "tr",
        { "data-webhook": String(hook.id) },
        el("td", { class: "break" }, el("code", { text: hook.url })),
        el("td", { text: hook.description }),
        el("td", { text: hook.events.length === 0 ? "every event" : hook.events.join(", ") }),
        el("td", {}, timeEl(hook.createdAt)),
        el(
          "td",
          {},
          el("span", {
            class: hook.enabled ? "badge webhook-state" : "badge webhook-state state-given_up",
            text: hook.enabled ? "enabled" : "disabled",
          }),
        ),
        el(
          "td",
          { class: "actions" },
          testButton(hook),
          iconButton("edit", `Edit the webhook ${hook.url}`, () => startEditing(hook)),
          iconButton("key", `Rotate the signing secret of ${hook.url}`, () => rotateSecret(hook)),
          iconButton("delete", `Remove the webhook ${hook.url}`, async () => {
            const removed = await confirmAction({
              title: "Remove this webhook?",
              text: `${hook.url} receives no more events; its pending deliveries are given up.`,
              action: "Remove",
              run: () => api("DELETE", `${WEBHOOKS}/${hook.id}`),
            });
            if (removed) await refresh();
          }),
        ),
      ),
    ),
  );
}

async function loadDeliveries() {
  const state = byId("deliveries-state").value;
  const query = new URLSearchParams({ limit: "100" });
  if (state) query.set("state", state);
  const deliveries = await api("GET", `${DELIVERIES}?${query}`);
  show(byId("deliveries-empty"), deliveries.length === 0);
  show(byId("deliveries-table"), deliveries.length > 0);
  byId("deliveries-body").replaceChildren(
    ...deliveries.map((d) =>
      el(
        "tr",
        { "data-state": d.state },
        el("td", { text: d.event }),
        el("td", { text: d.token }),
        el("td", { text: d.owner }),
        el("td", { class: "break", text: d.channel === "email" ? `e-mail ${d.address}` : `webhook ${d.address}` }),
        el("td", {}, el("span", { class: `badge state-${d.state}`, text: d.state.replace("_", " ") })),
        el("td", { text: String(d.attempts) }),
        el("td", {}, d.lastAttemptAt ? timeEl(d.lastAttemptAt) : "—"),
        el("td", {}, d.nextAttemptAt ? timeEl(d.nextAttemptAt) : "—"),
        el("td", { class: "break", text: d.lastOutcome || "—" }),
      ),
    ),
  );
}

async function refresh() {
  try {
    await Promise.all([loadWebhooks(), loadDeliveries()]);
    showError("deliveries-error", null);
  } catch (e) {
    showError("deliveries-error", e);
  }
}

async function showSecretOnce(secret) {
  const dialog = byId("webhook-secret-dialog");
  const box = byId("webhook-secret-value");
  box.value = secret;
  const m = modal(dialog);
  m.on(byId("webhook-secret-close"), "click", () => m.close());
  box.focus();
  box.select();
  await m.closed;
  box.value = "";
}

// The webhook being edited in the form, or null when the form adds one.
let editing = null;

function startEditing(hook) {
  editing = hook;
  byId("webhook-url").value = hook.url;
  byId("webhook-description").value = hook.description;
  for (const box of byId("webhook-events").querySelectorAll("input")) box.checked = hook.events.includes(box.value);
  byId("webhook-enabled").checked = hook.enabled;
  show(byId("webhook-enabled-label"), true);
  show(byId("webhook-cancel"), true);
  byId("webhook-add").textContent = "Save webhook";
  showError("webhook-error", null);
  byId("webhook-url").focus();
}

function stopEditing() {
  editing = null;
  byId("webhook-form").reset();
  show(byId("webhook-enabled-label"), false);
  show(byId("webhook-cancel"), false);
  byId("webhook-add").textContent = "Add webhook";
}

function testButton(hook) {
  const button = el("button", {
    type: "button",
    class: "webhook-test",
    text: "Send test",
    title: hook.enabled ? `Send a webhook.test event to ${hook.url}` : "Enable the webhook to send it a test",
  });
  button.disabled = !hook.enabled;
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await api("POST", `${WEBHOOKS}/${hook.id}/test`);
      showError("webhook-error", null);
      // the worker sends it within its interval: the deliveries list shows it pending, then its outcome
      await refresh();
    } catch (e) {
      showError("webhook-error", e);
      button.disabled = false;
    }
  });
  return button;
}

async function rotateSecret(hook) {
  let rotated = null;
  await confirmAction({
    title: "Rotate the signing secret?",
    text: `${hook.url} gets a new signing secret, shown once; the current one signs nothing from now on.`,
    action: "Rotate secret",
    run: async () => {
      rotated = await api("POST", `${WEBHOOKS}/${hook.id}/rotate-secret`);
    },
  });
  if (rotated) await showSecretOnce(rotated.secret);
}

async function addWebhook(event) {
  event.preventDefault();
  const button = byId("webhook-add");
  button.disabled = true;
  try {
    const events = [...byId("webhook-events").querySelectorAll("input:checked")].map((box) => box.value);
    const fields = {
      url: byId("webhook-url").value.trim(),
      description: byId("webhook-description").value.trim(),
      events,
    };
    if (editing) {
      await api("PATCH", `${WEBHOOKS}/${editing.id}`, { ...fields, enabled: byId("webhook-enabled").checked });
      showError("webhook-error", null);
      stopEditing();
      await refresh();
      return;
    }
    const created = await api("POST", WEBHOOKS, fields);
    showError("webhook-error", null);
    byId("webhook-form").reset();
    await refresh();
    await showSecretOnce(created.secret);
  } catch (e) {
    showError("webhook-error", e);
  } finally {
    button.disabled = false;
  }
}

function start() {
  eventChecks();
  byId("webhook-form").addEventListener("submit", addWebhook);
  byId("webhook-cancel").addEventListener("click", stopEditing);
  byId("deliveries-refresh").addEventListener("click", refresh);
  byId("deliveries-state").addEventListener("change", refresh);
  refresh();
}

start();
