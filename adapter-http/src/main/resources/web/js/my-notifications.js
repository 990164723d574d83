// My account → Notifications: which lifecycle e-mails I receive (PUT /api/v1/me/notifications).
import { api } from "./api.js";
import { byId, el, show, showError } from "./ui.js";

const PATH = "/api/v1/me/notifications";

function render(choices) {
  byId("notifications-mail").textContent = choices.mailEnabled
    ? `E-mails go to ${choices.email}, the address of your contact.`
    : "E-mail is not configured on this server yet: your choices apply once it is.";
  byId("notifications-choices").replaceChildren(
    ...choices.events.map((choice) => {
      const id = `notify-${choice.event.replace(/[^a-z_]/g, "-")}`;
      return el(
        "label",
        { class: "check", for: id },
        el("input", { type: "checkbox", id, value: choice.event, checked: choice.enabled }),
        el("span", { text: choice.title }),
      );
    }),
  );
}

async function save(event) {
  event.preventDefault();
  const button = byId("notifications-save");
  const status = byId("notifications-status");
  button.disabled = true;
  status.textContent = "";
  try {
    const enabled = [...byId("notifications-choices").querySelectorAll("input:checked")].map((box) => box.value);
    render(await api("PUT", PATH, { enabled }));
    showError("notifications-error", null);
    status.textContent = "Your choices are saved.";
  } catch (e) {
    showError("notifications-error", e);
  } finally {
    button.disabled = false;
  }
}

async function start() {
  try {
    render(await api("GET", PATH));
    byId("notifications-form").addEventListener("submit", save);
    show(byId("notifications-section"));
  } catch (e) {
    // an application token's session or a server without the feature: no section
  }
}

start();
