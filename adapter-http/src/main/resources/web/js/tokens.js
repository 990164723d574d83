// The token table and dialogs shared by My account (personal tokens) and Administration.
import { api } from "./api.js";
import {
  REASON_WORDS,
  byId,
  confirmAction,
  el,
  formDialog,
  iconButton,
  instantToLocalInput,
  localInputToInstant,
  localizeInstants,
  showError,
  showValueOnce,
  timeEl,
  tokenStateBadges,
} from "./ui.js";

// `label` is iTop's own name of the scope (its context tags), `endpoints` what the scope opens.
export const SCOPES = [
  { name: "rest", label: "REST/JSON", endpoints: "webservices/rest.php and /api/v1" },
  { name: "synchro", label: "Synchro", endpoints: "synchro/synchro_import.php, synchro/synchro_exec.php" },
  { name: "import", label: "Import", endpoints: "webservices/import.php" },
  { name: "export", label: "Export", endpoints: "webservices/export-v2.php" },
  { name: "introspect", label: "Introspect", endpoints: "validate other tokens (/api/v1/introspect)" },
];

const SCOPE_LABELS = Object.fromEntries(SCOPES.map((s) => [s.name, s.label]));
const SCOPE_ENDPOINTS = Object.fromEntries(SCOPES.map((s) => [s.name, s.endpoints]));

/** iTop's label of a scope name (REST/JSON for rest, …), the name itself for any other. */
export function scopeLabel(name) {
  return SCOPE_LABELS[name] || name;
}

export function chips(names) {
  return el("span", { class: "chips" }, names.map((s) => el("span", { class: "chip", text: s })));
}

function failureList(failures) {
  if (!failures.length) {
    return el("p", { class: "muted", text: "No failed authentication recorded for this token." });
  }
  return el(
    "table",
    { class: "failures" },
    el(
      "thead",
      {},
      el("tr", {}, ["When", "Why", "Details", "From", "Endpoint"].map((h) => el("th", { scope: "col", text: h }))),
    ),
    el(
      "tbody",
      {},
      failures.map((f) =>
        el(
          "tr",
          { class: "failure", "data-reason": f.reason },
          el("td", { "data-label": "When" }, timeEl(f.at)),
          el("td", { "data-label": "Why", class: "reason" }, el("strong", { text: REASON_WORDS[f.reason] || f.reason })),
          el("td", { "data-label": "Details", class: "message", text: localizeInstants(f.message) }),
          el("td", { "data-label": "From", class: "from", text: f.address || "—" }),
          el("td", { "data-label": "Endpoint" }, el("code", { text: f.endpoint || "—" })),
        ),
      ),
    ),
  );
}

function expiration(token) {
  const policy = policyDeadline(token);
  if (!token.expiresAt) return policy || el("span", { class: "muted", text: "never" });
  return el("span", { class: "expiry" }, timeEl(token.expiresAt), " ", tokenStateBadges(token), policy || "");
}

// When the token policy stops a token, and why: the deadline an administrator chose when it no
// longer fitted a tightened policy, or the end of the inactivity limit (a use moves it).
function policyDeadline(token) {
  if (!token.policyDeadline) return null;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date(token.policyDeadline)) return null;
  const past = new Date(token.policyDeadline) <= new Date();
  const inactivity = token.policyDeadlineReason === "inactivity";
  return el(
    "span",
    {
      class: "policy-deadline notice",
      "data-policy-deadline": token.policyDeadline,
      "data-policy-deadline-reason": token.policyDeadlineReason || "policy_deadline",
    },
    past ? "stopped on " : "stops on ",
    timeEl(token.policyDeadline),
    inactivity
      ? past
        ? " because it was not used for the token policy's inactivity limit"
        : " unless used before: the token policy stops tokens unused for a while"
      : " because of the token policy",
  );
}

function lastUse(token) {
  if (!token.lastUsedAt) return el("span", { class: "muted", text: "never" });
  return el(
    "span",
    {},
    timeEl(token.lastUsedAt),
    el("br"),
    el("span", { class: "muted address", text: token.lastUsedIp ? `from ${token.lastUsedIp}` : "" }),
  );
}

/**
 * Renders tokens into a tbody. `base` is the API path of one token without its id
 * (e.g. /api/v1/me/tokens); `label` gives the text of the first column; `extra` lists more columns
 * ({label, class, render(token)}) shown after it; `columns` is the number of columns of the table, for
 * the expanded row of failures.
 */
export function renderTokens(tbody, tokens, { base, label, onChange, columns, editable = true, extra = [] }) {
  tbody.replaceChildren();
  for (const token of tokens) {
    const detailsId = `failures-${token.id}`;
    const detailsCell = el("td", { colspan: columns });
    const detailsRow = el("tr", { class: "details", id: detailsId, hidden: true }, detailsCell);
    const expand = iconButton("expand", `Recent failures of ${label(token)}`, null, "expander");
    expand.setAttribute("aria-expanded", "false");
    expand.setAttribute("aria-controls", detailsId);
    expand.addEventListener("click", async () => {
      const open = expand.getAttribute("aria-expanded") === "true";
      expand.setAttribute("aria-expanded", open ? "false" : "true");
      detailsRow.hidden = open;
      if (open) return;
      detailsCell.replaceChildren(el("p", { class: "status", text: "Loading recent failures…" }));
      try {
        const view = await api("GET", `${base}/${token.id}`);
        detailsCell.replaceChildren(
          el("h3", { text: `Recent failed authentications of ${label(token)}` }),
          failureList(view.recentFailures || []),
        );
      } catch (e) {
        detailsCell.replaceChildren(el("p", { class: "error", text: e.message }));
      }
    });
    const actions = [];
    if (editable) {
      actions.push(
        iconButton("edit", `Edit ${label(token)}`, () => onChange("edit", token)),
        iconButton("refresh", `Refresh ${label(token)}`, () => refresh(token, base, label, onChange)),
      );
    }
    actions.push(iconButton("delete", `Delete ${label(token)}`, () => remove(token, base, label, onChange)));
    const row = el(
      "tr",
      { class: token.expired ? "token expired" : "token", "data-id": token.id },
      el("th", { scope: "row", class: "name" }, expand, el("span", { class: "label", text: label(token) })),
      extra.map((column) => el("td", { "data-label": column.label, class: column.class }, column.render(token))),
      el("td", { "data-label": "Scopes", class: "scopes" }, chips(token.scopes.map(scopeLabel))),
      el("td", { "data-label": "Expiration", class: "expires" }, expiration(token)),
      el("td", { "data-label": "Use count", class: "use-count", text: String(token.useCount) }),
      el("td", { "data-label": "Last use", class: "last-use" }, lastUse(token)),
      el("td", { class: "actions" }, actions),
    );
    tbody.append(row, detailsRow);
  }
}

async function refresh(token, base, label, onChange) {
  let issued = null;
  const done = await confirmAction({
    title: `Refresh ${label(token)}?`,
    text:
      "A new value replaces the current one, which stops working at once: every script or collector " +
      "still using it will be refused (as “replaced by a refresh”) until it gets the new value. " +
      "Scopes, expiration and counters are kept.",
    action: "Refresh now",
    run: async () => {
      issued = await api("POST", `${base}/${token.id}/refresh`);
    },
  });
  if (done && issued) {
    await onChange("changed");
    await showValueOnce(issued.secret, `New value for ${label(token)}`);
  }
}

async function remove(token, base, label, onChange) {
  const done = await confirmAction({
    title: `Delete ${label(token)}?`,
    text: "The token stops working at once and cannot be restored. Calls still made with it will be refused as deleted.",
    action: "Delete",
    run: () => api("DELETE", `${base}/${token.id}`),
  });
  if (done) await onChange("changed");
}

// the standard scopes until the catalogue (with the scopes services registered) has been read
let catalogue = SCOPES.map((scope) => ({ name: scope.name, description: scope.label }));

/**
 * Renders one checkbox per scope of the catalogue (GET /api/v1/scopes: the standard scopes and
 * those services registered, e.g. billing:read), keeping the boxes checked meanwhile.
 */
export function renderScopeChecks(container, selected) {
  drawScopeChecks(container, selected);
  api("GET", "/api/v1/scopes")
    .then((scopes) => {
      const changed = scopes.map((s) => s.name).join(" ") !== catalogue.map((s) => s.name).join(" ");
      catalogue = scopes;
      // redrawn only when services added scopes, so a box being clicked is not replaced
      if (changed) drawScopeChecks(container, checkedValues(container));
    })
    .catch(() => {
      // the standard scopes stay shown; saving reports any real problem
    });
}

function drawScopeChecks(container, selected) {
  const names = new Set(catalogue.map((scope) => scope.name));
  // a scope the token holds but the catalogue no longer lists stays visible (and checked)
  const shown = [...catalogue, ...selected.filter((name) => !names.has(name)).map((name) => ({ name, description: "" }))];
  container.replaceChildren(
    ...shown.map((scope) => {
      const id = `${container.id}-${scope.name.replace(/[^a-z0-9_-]/g, "-")}`;
      return el(
        "label",
        { class: "check", for: id },
        el("input", { type: "checkbox", id, name: "scopes", value: scope.name, checked: selected.includes(scope.name) }),
        el("span", { text: scopeLabel(scope.name) }),
        el("span", { class: "muted", text: SCOPE_ENDPOINTS[scope.name] ? `${scope.name}: ${SCOPE_ENDPOINTS[scope.name]}` : scope.description || "" }),
      );
    }),
  );
}

export function checkedValues(container) {
  return [...container.querySelectorAll("input[type=checkbox]:checked")].map((c) => c.value);
}

/** Opens the create/edit dialog of a personal token; resolves to the API's answer, or null if cancelled. */
export function personalTokenDialog({ token, base }) {
  byId("token-dialog-title").textContent = token ? `Edit ${token.application}` : "New personal token";
  byId("token-application").value = token ? token.application : "";
  byId("token-expires").value = token ? instantToLocalInput(token.expiresAt) : "";
  renderScopeChecks(byId("token-scopes"), token ? token.scopes : ["rest"]);
  return formDialog({
    dialog: byId("token-dialog"),
    form: byId("token-form"),
    cancel: byId("token-cancel"),
    save: byId("token-save"),
    errorId: "token-form-error",
    focus: byId("token-application"),
    submit: () => {
      const body = {
        application: byId("token-application").value.trim(),
        scopes: checkedValues(byId("token-scopes")),
        expiresAt: localInputToInstant(byId("token-expires").value),
      };
      if (!body.application) {
        byId("token-application").focus();
        throw { message: "Give the token an application name: what you make it for." };
      }
      if (!body.scopes.length) {
        throw { message: "Choose at least one scope: a token without scope authenticates nowhere." };
      }
      return token ? api("PATCH", `${base}/${token.id}`, body) : api("POST", base, body);
    },
  });
}

