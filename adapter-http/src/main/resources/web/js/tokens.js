// The token table and dialogs shared by My account (personal tokens) and Administration.
import { api } from "./api.js";
import {
  REASON_WORDS,
  byId,
  confirmAction,
  el,
  formatInstant,
  instantToLocalInput,
  localInputToInstant,
  showError,
  showValueOnce,
  tokenStateBadges,
} from "./ui.js";

export const SCOPES = [
  { name: "rest", label: "REST/JSON" },
  { name: "synchro", label: "Synchro" },
  { name: "import", label: "Import" },
  { name: "export", label: "Export" },
  { name: "introspect", label: "Introspect" },
];

export function scopeChips(scopes) {
  return el("span", { class: "chips" }, scopes.map((s) => el("span", { class: "chip", text: s })));
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
          el("td", { "data-label": "When", text: formatInstant(f.at) }),
          el("td", { "data-label": "Why" }, el("strong", { text: REASON_WORDS[f.reason] || f.reason })),
          el("td", { "data-label": "Details", text: f.message }),
          el("td", { "data-label": "From", text: f.address }),
          el("td", { "data-label": "Endpoint", text: f.endpoint }),
        ),
      ),
    ),
  );
}

/**
 * Renders tokens into a tbody. `base` is the API path of one token without the id
 * (e.g. /api/v1/me/tokens); `label` gives the text of the first column.
 */
export function renderTokens(tbody, tokens, { base, label, onChange, editable = true, owner = false }) {
  tbody.replaceChildren();
  for (const token of tokens) {
    const detailsRow = el("tr", { class: "details", hidden: true });
    const detailsCell = el("td", { colspan: owner ? 7 : 6 });
    detailsRow.append(detailsCell);
    const expand = el("button", {
      type: "button",
      class: "icon expand",
      "aria-expanded": "false",
      "aria-label": `Recent failures of ${label(token)}`,
      title: "Recent failures",
      text: "▸",
    });
    expand.addEventListener("click", async () => {
      const open = expand.getAttribute("aria-expanded") === "true";
      if (open) {
        detailsRow.hidden = true;
        expand.setAttribute("aria-expanded", "false");
        expand.textContent = "▸";
        return;
      }
      detailsRow.hidden = false;
      expand.setAttribute("aria-expanded", "true");
      expand.textContent = "▾";
      detailsCell.replaceChildren(el("p", { class: "status", text: "Loading recent failures…" }));
      try {
        const view = await api("GET", `${base}/${token.id}`);
        detailsCell.replaceChildren(el("h3", { text: "Recent failed authentications" }), failureList(view.recentFailures || []));
      } catch (e) {
        detailsCell.replaceChildren(el("p", { class: "error", text: e.message }));
      }
    });
    const actions = [expand];
    if (editable) {
      actions.push(
        el("button", {
          type: "button",
          class: "icon edit",
          "aria-label": `Edit ${label(token)}`,
          title: "Edit",
          text: "✎",
          onclick: () => onChange("edit", token),
        }),
        el("button", {
          type: "button",
          class: "icon refresh",
          "aria-label": `Refresh ${label(token)}`,
          title: "Refresh: new value, the old one stops working",
          text: "⟳",
          onclick: () => refresh(token, base, label, onChange),
        }),
      );
    }
    actions.push(
      el("button", {
        type: "button",
        class: "icon delete",
        "aria-label": `Delete ${label(token)}`,
        title: "Delete",
        text: "🗑",
        onclick: () => remove(token, base, label, onChange),
      }),
    );
    const row = el(
      "tr",
      { class: token.expired ? "token expired" : "token", "data-id": token.id },
      el("td", { "data-label": "Application" }, el("span", { class: "label", text: label(token) }), " ", tokenStateBadges(token)),
      owner ? el("td", { "data-label": "Owner", text: token.owner ? token.owner.login : "—" }) : null,
      el("td", { "data-label": "Scopes" }, scopeChips(token.scopes)),
      el("td", { "data-label": "Expires", text: token.expiresAt ? formatInstant(token.expiresAt) : "never" }),
      el("td", { "data-label": "Uses", class: "use-count", text: String(token.useCount) }),
      el(
        "td",
        { "data-label": "Last used" },
        token.lastUsedAt ? `${formatInstant(token.lastUsedAt)} from ${token.lastUsedIp || "?"}` : "never",
      ),
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
      "A new value replaces the current one, which stops working at once: scripts still using it will be " +
      "refused (as 'replaced by a refresh') until they get the new value. Settings and counters are kept.",
    action: "Refresh",
    run: async () => {
      issued = await api("POST", `${base}/${token.id}/refresh`);
    },
  });
  if (done && issued) {
    await showValueOnce(issued.secret, `New value for ${label(token)}`);
    onChange("changed");
  }
}

async function remove(token, base, label, onChange) {
  const done = await confirmAction({
    title: `Delete ${label(token)}?`,
    text: "The token stops working at once and cannot be restored. Calls made with it will be refused as deleted.",
    action: "Delete",
    run: () => api("DELETE", `${base}/${token.id}`),
  });
  if (done) onChange("changed");
}

export function renderScopeChecks(container, selected) {
  container.replaceChildren(
    ...SCOPES.map((scope) => {
      const id = `${container.id}-${scope.name}`;
      return el(
        "label",
        { class: "check", for: id },
        el("input", { type: "checkbox", id, name: "scopes", value: scope.name, checked: selected.includes(scope.name) }),
        ` ${scope.label} `,
        el("span", { class: "muted", text: `(${scope.name})` }),
      );
    }),
  );
}

export function checkedScopes(container) {
  return [...container.querySelectorAll("input[type=checkbox]:checked")].map((c) => c.value);
}

/** Opens the create/edit dialog of a personal token; resolves after a successful save or a cancel. */
export function personalTokenDialog({ token, base }) {
  const dialog = byId("token-dialog");
  const form = byId("token-form");
  byId("token-dialog-title").textContent = token ? `Edit ${token.application}` : "New personal token";
  byId("token-application").value = token ? token.application : "";
  byId("token-expires").value = token ? instantToLocalInput(token.expiresAt) : "";
  renderScopeChecks(byId("token-scopes"), token ? token.scopes : ["rest"]);
  showError("token-form-error", null);
  return new Promise((resolve) => {
    const cleanup = () => {
      form.removeEventListener("submit", onSubmit);
      byId("token-cancel").removeEventListener("click", onCancel);
    };
    const onCancel = () => {
      cleanup();
      dialog.close();
      resolve(null);
    };
    const onSubmit = async (event) => {
      event.preventDefault();
      const body = {
        application: byId("token-application").value,
        scopes: checkedScopes(byId("token-scopes")),
        expiresAt: localInputToInstant(byId("token-expires").value),
      };
      if (!body.application.trim()) {
        showError("token-form-error", { message: "Give the token an application name: why you make it." });
        return;
      }
      if (!body.scopes.length) {
        showError("token-form-error", { message: "Choose at least one scope." });
        return;
      }
      const save = byId("token-save");
      save.disabled = true;
      try {
        const result = token
          ? await api("PATCH", `${base}/${token.id}`, body)
          : await api("POST", base, body);
        cleanup();
        dialog.close();
        resolve(result);
      } catch (e) {
        showError("token-form-error", e);
      } finally {
        save.disabled = false;
      }
    };
    form.addEventListener("submit", onSubmit);
    byId("token-cancel").addEventListener("click", onCancel);
    dialog.showModal();
    byId("token-application").focus();
  });
}
