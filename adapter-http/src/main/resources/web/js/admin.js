import { api, logout } from "./api.js";
import {
  TIME_ZONE,
  byId,
  confirmAction,
  el,
  formDialog,
  iconButton,
  instantToLocalInput,
  localInputToInstant,
  show,
  showError,
  showValueOnce,
  timeEl,
} from "./ui.js";
import { checkedValues, chips, renderScopeChecks, renderTokens } from "./tokens.js";
import { Pager } from "./pager.js";

const PROFILES = ["Administrator", "REST Services User", "Directory Manager", "Directory Reader"];
const USERS = "/api/v1/admin/users";
const APPS = "/api/v1/admin/application-tokens";
const PERSONAL = "/api/v1/admin/personal-tokens";
const POLICY = "/api/v1/admin/policy";
const NOTICE_DAYS = 30;

let policyVersion = null;

function numberOrNull(id) {
  const text = byId(id).value.trim();
  return text === "" ? null : Number(text);
}

function showPolicy(policy) {
  policyVersion = policy.version;
  byId("policy-max-lifetime").value = policy.maxLifetimeDays ?? "";
  byId("policy-expiry-required").checked = policy.expiryRequired;
  byId("policy-inactivity").value = policy.inactivityDays ?? "";
  byId("policy-grace").value = policy.refreshGraceSeconds;
  const granted = new Map(policy.personalTokenProfiles.map((p) => [p.profile, p.scopes]));
  const names = [...new Set([...PROFILES, ...granted.keys()])];
  byId("policy-profiles").replaceChildren(
    ...names.map((name, i) =>
      el(
        "div",
        { class: "policy-profile" },
        el(
          "label",
          { class: "check", for: `policy-profile-${i}` },
          el("input", { type: "checkbox", id: `policy-profile-${i}`, value: name, checked: granted.has(name) }),
          el("span", { text: name }),
        ),
        el("input", {
          id: `policy-scopes-${i}`,
          "aria-label": `Scopes ${name} may put on personal tokens`,
          placeholder: "every scope",
          value: granted.has(name) && granted.get(name) ? granted.get(name).join(" ") : "",
          autocomplete: "off",
        }),
      ),
    ),
  );
  const later = new Date(Date.now() + NOTICE_DAYS * 86400000).toISOString();
  byId("policy-stop-at").value = instantToLocalInput(later);
  byId("policy-stop-now").checked = false;
}

function policyBody(dryRun) {
  const profiles = [];
  byId("policy-profiles")
    .querySelectorAll("input[type=checkbox]")
    .forEach((box) => {
      if (!box.checked) return;
      const text = byId(box.id.replace("policy-profile-", "policy-scopes-")).value.trim();
      profiles.push({ profile: box.value, scopes: text === "" ? null : text.split(/\s+/) });
    });
  return {
    version: policyVersion,
    maxLifetimeDays: numberOrNull("policy-max-lifetime"),
    expiryRequired: byId("policy-expiry-required").checked,
    inactivityDays: numberOrNull("policy-inactivity"),
    refreshGraceSeconds: numberOrNull("policy-grace") ?? 0,
    personalTokenProfiles: profiles,
    affectedTokensStopAt: byId("policy-stop-now").checked ? "now" : localInputToInstant(byId("policy-stop-at").value),
    dryRun,
  };
}

function showAffected(change) {
  const result = byId("policy-result");
  const n = change.affectedCount;
  const what = n === 0 ? "No token" : n === 1 ? "1 token" : `${n} tokens`;
  result.textContent = change.dryRun
    ? `${what} would no longer fit this policy.`
    : `Policy saved (version ${change.policy.version}). ${what} no longer fit${n === 1 ? "s" : ""} it.`;
  result.className = n === 0 ? "status" : "notice";
  show(result, true);
  byId("policy-affected-body").replaceChildren(
    ...change.affected.map((a) =>
      el(
        "tr",
        { "data-token": a.token.id },
        el("td", { "data-label": "Token", text: a.token.application || a.token.login }),
        el("td", { "data-label": "Owner", text: a.token.owner ? a.token.owner.login : "(application token)" }),
        el("td", { "data-label": "Why", class: "reasons", text: a.reasons.map((r) => r.message).join("; ") }),
        el("td", { "data-label": "Stops on", class: "stops" }, timeEl(a.stopsAt)),
      ),
    ),
  );
  show(byId("policy-affected"), change.affected.length > 0);
}

async function savePolicy(dryRun) {
  try {
    const change = await api("PUT", POLICY, policyBody(dryRun));
    showError("policy-error", null);
    showAffected(change);
    if (!dryRun) {
      showPolicy(change.policy);
      await loadAll();
    }
  } catch (e) {
    showError("policy-error", e);
  }
}

async function loadPolicy() {
  showPolicy(await api("GET", POLICY));
}

function profileChecks(container, selected) {
  container.replaceChildren(
    ...PROFILES.map((name, i) => {
      const id = `${container.id}-${i}`;
      return el(
        "label",
        { class: "check", for: id },
        el("input", { type: "checkbox", id, value: name, checked: selected.includes(name) }),
        el("span", { text: name }),
      );
    }),
  );
}

function userPath(login) {
  return `${USERS}/${encodeURIComponent(login)}`;
}

// The organizations the page knows of (those of users and application tokens), offered as suggestions.
function rememberOrganizations(names) {
  const list = byId("organizations");
  const known = new Set([...list.querySelectorAll("option")].map((o) => o.value));
  for (const name of names) {
    if (name && !known.has(name)) {
      known.add(name);
      list.append(el("option", { value: name }));
    }
  }
}

function userDialog(user) {
  byId("user-dialog-title").textContent = user ? `Edit ${user.login}` : "New user";
  byId("user-login").value = user ? user.login : "";
  byId("user-login").disabled = !!user;
  byId("user-password").value = "";
  show(byId("user-password-field"), !user);
  byId("user-status").value = user ? user.status : "enabled";
  byId("user-organization").value = user ? user.organization : "";
  profileChecks(byId("user-profiles"), user ? user.profiles : ["REST Services User"]);
  byId("user-first-name").value = user ? user.contact.firstName : "";
  byId("user-name").value = user ? user.contact.name : "";
  byId("user-email").value = user ? user.contact.email : "";
  return formDialog({
    dialog: byId("user-dialog"),
    form: byId("user-form"),
    cancel: byId("user-cancel"),
    save: byId("user-save"),
    errorId: "user-form-error",
    focus: user ? byId("user-status") : byId("user-login"),
    submit: () => {
      const body = {
        status: byId("user-status").value,
        organization: byId("user-organization").value.trim(),
        profiles: checkedValues(byId("user-profiles")),
        contact: {
          firstName: byId("user-first-name").value.trim(),
          name: byId("user-name").value.trim(),
          email: byId("user-email").value.trim(),
        },
      };
      if (user) return api("PATCH", userPath(user.login), body);
      body.login = byId("user-login").value.trim();
      body.password = byId("user-password").value;
      return api("POST", USERS, body);
    },
  });
}

function passwordDialog(user) {
  byId("password-dialog-title").textContent = `Reset the password of ${user.login}`;
  byId("new-password").value = "";
  return formDialog({
    dialog: byId("password-dialog"),
    form: byId("password-form"),
    cancel: byId("password-cancel"),
    save: byId("password-save"),
    errorId: "password-form-error",
    focus: byId("new-password"),
    submit: async () => {
      const saved = await api("PATCH", userPath(user.login), { password: byId("new-password").value });
      byId("new-password").value = "";
      return saved;
    },
  });
}

function appDialog(token) {
  byId("app-dialog-title").textContent = token ? `Edit ${token.login}` : "New application token";
  byId("app-login").value = token ? token.login : "";
  byId("app-login").disabled = !!token;
  show(byId("app-status-field"), !!token);
  byId("app-status").value = token ? token.status || "enabled" : "enabled";
  byId("app-organization").value = token ? token.organization || "" : "";
  profileChecks(byId("app-profiles"), token ? token.profiles || [] : ["REST Services User"]);
  renderScopeChecks(byId("app-scopes"), token ? token.scopes : ["rest"]);
  byId("app-expires").value = token ? instantToLocalInput(token.expiresAt) : "";
  return formDialog({
    dialog: byId("app-dialog"),
    form: byId("app-form"),
    cancel: byId("app-cancel"),
    save: byId("app-save"),
    errorId: "app-form-error",
    focus: token ? byId("app-status") : byId("app-login"),
    submit: () => {
      const body = {
        organization: byId("app-organization").value.trim(),
        profiles: checkedValues(byId("app-profiles")),
        scopes: checkedValues(byId("app-scopes")),
        expiresAt: localInputToInstant(byId("app-expires").value),
      };
      if (!body.scopes.length) {
        throw { message: "Choose at least one scope: a token without scope authenticates nowhere." };
      }
      if (token) {
        body.status = byId("app-status").value;
        return api("PATCH", `${APPS}/${token.id}`, body);
      }
      body.login = byId("app-login").value.trim();
      return api("POST", APPS, body);
    },
  });
}

function userRow(user) {
  const contact = user.contact;
  return el(
    "tr",
    { "data-login": user.login },
    el("th", { scope: "row", class: "name", "data-label": "Login", text: user.login }),
    el(
      "td",
      { "data-label": "Contact", class: "contact" },
      el("span", { text: `${contact.firstName} ${contact.name}` }),
      el("br"),
      el("span", { class: "muted", text: contact.email }),
    ),
    el("td", { "data-label": "Organization", class: "organization", text: user.organization }),
    el("td", { "data-label": "Profiles" }, chips(user.profiles)),
    el("td", { "data-label": "Status" }, el("span", { class: `badge ${user.status}`, text: user.status })),
    el(
      "td",
      { class: "actions" },
      iconButton("edit", `Edit ${user.login}`, async () => {
        if (await userDialog(user)) await loadAll();
      }),
      iconButton("key", `Reset the password of ${user.login}`, async () => {
        if (await passwordDialog(user)) {
          byId("page-notice").textContent = `The password of ${user.login} was reset.`;
          show(byId("page-notice"));
        }
      }),
      iconButton("delete", `Delete ${user.login}`, async () => {
        const done = await confirmAction({
          title: `Delete ${user.login}?`,
          text: "The user and all of their personal tokens are deleted at once. This cannot be undone.",
          action: "Delete",
          run: () => api("DELETE", userPath(user.login)),
        });
        if (done) await loadAll();
      }),
    ),
  );
}

const pagers = {};

function showUsers(users) {
  rememberOrganizations(users.map((u) => u.organization));
  byId("users-body").replaceChildren(...users.map(userRow));
}

function showApps(tokens) {
  rememberOrganizations(tokens.map((t) => t.organization));
  const none = tokens.length === 0 && pagers.apps.index === 0;
  show(byId("apps-empty"), none);
  show(byId("apps-table"), !none);
  renderTokens(byId("apps-body"), tokens, {
    base: APPS,
    label: (t) => t.login,
    columns: 8,
    extra: [
      {
        label: "Organization",
        class: "organization",
        render: (t) =>
          el(
            "span",
            {},
            t.organization || "—",
            t.status === "disabled" ? [" ", el("span", { class: "badge disabled", text: "disabled" })] : [],
          ),
      },
      { label: "Profiles", class: "profiles", render: (t) => chips(t.profiles || []) },
    ],
    onChange: async (what, token) => {
      if (what === "edit" && !(await appDialog(token))) return;
      await loadAll();
    },
  });
}

function showPersonal(tokens) {
  const none = tokens.length === 0 && pagers.personal.index === 0;
  show(byId("personal-empty"), none);
  show(byId("personal-table"), !none);
  renderTokens(byId("personal-body"), tokens, {
    base: PERSONAL,
    label: (t) => t.application,
    columns: 7,
    editable: false,
    extra: [{ label: "Owner", class: "owner", render: (t) => (t.owner ? t.owner.login : "—") }],
    onChange: loadAll,
  });
}

// The filters of the personal tokens' form, as the API's query parameters.
function personalFilters() {
  const params = {};
  const owner = byId("filter-owner").value.trim();
  if (owner) params.owner = owner;
  const application = byId("filter-application").value.trim();
  if (application) params.application = application;
  if (byId("filter-expired").checked) params.stopped = "true";
  if (byId("filter-expiring").checked) params.expiring = "true";
  return params;
}

function loadUsers() {
  return pagers.users.reload();
}

function loadApps() {
  return pagers.apps.reload();
}

function loadPersonal() {
  return pagers.personal.reload();
}

// A new search in the personal tokens (the filters changed): from its first page.
function searchPersonal() {
  return pagers.personal.search(personalFilters());
}

async function guarded(load) {
  try {
    await load();
    showError("page-error", null);
  } catch (e) {
    showError("page-error", e);
  }
}

function loadAll() {
  return guarded(() => Promise.all([loadUsers(), loadApps(), loadPersonal()]));
}

async function start() {
  byId("logout").addEventListener("click", logout);
  byId("time-zone").textContent = TIME_ZONE;
  byId("new-user").addEventListener("click", async () => {
    if (await userDialog(null)) await loadAll();
  });
  byId("new-app").addEventListener("click", async () => {
    const created = await appDialog(null);
    if (created) {
      await loadAll();
      await showValueOnce(created.secret, `Value of the application token ${created.token.login}`);
    }
  });
  pagers.users = new Pager({ after: byId("users-table").parentElement, path: USERS, noun: "users", limit: 50, render: showUsers });
  pagers.apps = new Pager({ after: byId("apps-table").parentElement, path: APPS, noun: "tokens", render: showApps });
  pagers.personal = new Pager({ after: byId("personal-table").parentElement, path: PERSONAL, noun: "tokens", render: showPersonal });
  byId("personal-filter").addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(searchPersonal);
  });
  byId("filter-clear").addEventListener("click", () => {
    byId("filter-owner").value = "";
    byId("filter-application").value = "";
    byId("filter-expired").checked = false;
    byId("filter-expiring").checked = false;
    guarded(searchPersonal);
  });
  byId("policy-form").addEventListener("submit", (event) => {
    event.preventDefault();
    savePolicy(false);
  });
  byId("policy-preview").addEventListener("click", () => savePolicy(true));
  await Promise.all([loadAll(), guarded(loadPolicy)]);
  show(byId("page-status"), false);
}

start();
