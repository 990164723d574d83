import { api, logout } from "./api.js";
import { byId, confirmAction, el, instantToLocalInput, localInputToInstant, show, showError, showValueOnce } from "./ui.js";
import { checkedScopes, renderScopeChecks, renderTokens, scopeChips } from "./tokens.js";

const PROFILES = ["Administrator", "REST Services User", "Directory Manager", "Directory Reader"];
const APPS = "/api/v1/admin/application-tokens";
const PERSONAL = "/api/v1/admin/personal-tokens";

function profileChecks(container, selected) {
  container.replaceChildren(
    ...PROFILES.map((name, i) => {
      const id = `${container.id}-${i}`;
      return el("label", { class: "check", for: id }, el("input", { type: "checkbox", id, value: name, checked: selected.includes(name) }), ` ${name}`);
    }),
  );
}

function checkedValues(container) {
  return [...container.querySelectorAll("input[type=checkbox]:checked")].map((c) => c.value);
}

// Runs a form dialog until saved or cancelled; `submit` returns the API result or throws.
function formDialog(dialogId, formId, cancelId, errorId, saveId, submit) {
  const dialog = byId(dialogId);
  const form = byId(formId);
  showError(errorId, null);
  return new Promise((resolve) => {
    const cleanup = () => {
      form.removeEventListener("submit", onSubmit);
      byId(cancelId).removeEventListener("click", onCancel);
    };
    const onCancel = () => {
      cleanup();
      dialog.close();
      resolve(null);
    };
    const onSubmit = async (event) => {
      event.preventDefault();
      byId(saveId).disabled = true;
      try {
        const result = await submit();
        cleanup();
        dialog.close();
        resolve(result);
      } catch (e) {
        showError(errorId, e);
      } finally {
        byId(saveId).disabled = false;
      }
    };
    form.addEventListener("submit", onSubmit);
    byId(cancelId).addEventListener("click", onCancel);
    dialog.showModal();
  });
}

function userDialog(user) {
  byId("user-dialog-title").textContent = user ? `Edit ${user.login}` : "New user";
  byId("user-login").value = user ? user.login : "";
  byId("user-login").disabled = !!user;
  byId("user-password").value = "";
  byId("user-password-hint").textContent = user ? "(leave blank to keep; fill to reset)" : "(at least 8 characters)";
  byId("user-status").value = user ? user.status : "enabled";
  byId("user-organization").value = user ? user.organization : "";
  profileChecks(byId("user-profiles"), user ? user.profiles : ["REST Services User"]);
  byId("user-first-name").value = user ? user.contact.firstName : "";
  byId("user-name").value = user ? user.contact.name : "";
  byId("user-email").value = user ? user.contact.email : "";
  return formDialog("user-dialog", "user-form", "user-cancel", "user-form-error", "user-save", () => {
    const body = {
      status: byId("user-status").value,
      organization: byId("user-organization").value,
      profiles: checkedValues(byId("user-profiles")),
      contact: { firstName: byId("user-first-name").value, name: byId("user-name").value, email: byId("user-email").value },
    };
    const password = byId("user-password").value;
    if (password) body.password = password;
    if (user) return api("PATCH", `/api/v1/admin/users/${encodeURIComponent(user.login)}`, body);
    body.login = byId("user-login").value;
    return api("POST", "/api/v1/admin/users", body);
  });
}

function appDialog(token) {
  byId("app-dialog-title").textContent = token ? `Edit ${token.login}` : "New application token";
  byId("app-login").value = token ? token.login : "";
  byId("app-login").disabled = !!token;
  byId("app-status").value = token ? token.status || "enabled" : "enabled";
  byId("app-organization").value = token ? token.organization || "" : "";
  profileChecks(byId("app-profiles"), token ? token.profiles || [] : ["REST Services User"]);
  renderScopeChecks(byId("app-scopes"), token ? token.scopes : ["rest"]);
  byId("app-expires").value = token ? instantToLocalInput(token.expiresAt) : "";
  return formDialog("app-dialog", "app-form", "app-cancel", "app-form-error", "app-save", () => {
    const body = {
      status: byId("app-status").value,
      organization: byId("app-organization").value,
      profiles: checkedValues(byId("app-profiles")),
      scopes: checkedScopes(byId("app-scopes")),
      expiresAt: localInputToInstant(byId("app-expires").value),
    };
    if (token) return api("PATCH", `${APPS}/${token.id}`, body);
    body.login = byId("app-login").value;
    delete body.status;
    return api("POST", APPS, body);
  });
}

async function loadUsers() {
  const users = await api("GET", "/api/v1/admin/users");
  byId("users-body").replaceChildren(
    ...users.map((user) =>
      el(
        "tr",
        { "data-login": user.login },
        el("td", { "data-label": "Login", text: user.login }),
        el("td", { "data-label": "Contact", text: `${user.contact.firstName} ${user.contact.name} <${user.contact.email}>` }),
        el("td", { "data-label": "Organization", text: user.organization }),
        el("td", { "data-label": "Profiles" }, scopeChips(user.profiles)),
        el("td", { "data-label": "Status" }, el("span", { class: `badge ${user.status}`, text: user.status })),
        el(
          "td",
          { class: "actions" },
          el("button", {
            type: "button", class: "icon edit", "aria-label": `Edit ${user.login}`, title: "Edit", text: "✎",
            onclick: async () => { if (await userDialog(user)) await loadAll(); },
          }),
          el("button", {
            type: "button", class: "icon delete", "aria-label": `Delete ${user.login}`, title: "Delete", text: "🗑",
            onclick: async () => {
              const done = await confirmAction({
                title: `Delete ${user.login}?`,
                text: "The user and all of their personal tokens are deleted. This cannot be undone.",
                action: "Delete",
                run: () => api("DELETE", `/api/v1/admin/users/${encodeURIComponent(user.login)}`),
              });
              if (done) await loadAll();
            },
          }),
        ),
      ),
    ),
  );
}

async function loadApps() {
  const tokens = await api("GET", APPS);
  show(byId("apps-empty"), tokens.length === 0);
  show(byId("apps-table"), tokens.length > 0);
  renderTokens(byId("apps-body"), tokens, {
    base: APPS,
    label: (t) => t.login,
    onChange: async (what, token) => {
      if (what === "edit" && !(await appDialog(token))) return;
      await loadAll();
    },
  });
}

async function loadPersonal() {
  const params = new URLSearchParams();
  const owner = byId("filter-owner").value.trim();
  if (owner) params.set("owner", owner);
  if (byId("filter-expired").checked) params.set("expired", "true");
  if (byId("filter-expiring").checked) params.set("expiring", "true");
  const query = params.toString();
  const tokens = await api("GET", query ? `${PERSONAL}?${query}` : PERSONAL);
  show(byId("personal-empty"), tokens.length === 0);
  show(byId("personal-table"), tokens.length > 0);
  renderTokens(byId("personal-body"), tokens, {
    base: PERSONAL,
    label: (t) => t.application,
    editable: false,
    owner: true,
    onChange: loadAll,
  });
}

async function loadAll() {
  try {
    await Promise.all([loadUsers(), loadApps(), loadPersonal()]);
    showError("page-error", null);
  } catch (e) {
    showError("page-error", e);
  }
}

async function start() {
  byId("logout").addEventListener("click", logout);
  byId("new-user").addEventListener("click", async () => { if (await userDialog(null)) await loadAll(); });
  byId("new-app").addEventListener("click", async () => {
    const created = await appDialog(null);
    if (created) {
      await loadAll();
      await showValueOnce(created.secret, `Value of application token ${created.token.login}`);
    }
  });
  byId("personal-filter").addEventListener("submit", async (event) => {
    event.preventDefault();
    try { await loadPersonal(); showError("page-error", null); } catch (e) { showError("page-error", e); }
  });
  await loadAll();
  show(byId("page-status"), false);
}

start();
