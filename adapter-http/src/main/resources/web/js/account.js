import { api, logout } from "./api.js";
import { TIME_ZONE, byId, setText, show, showError, showValueOnce } from "./ui.js";
import { chips, personalTokenDialog, renderTokens } from "./tokens.js";
import { Pager } from "./pager.js";

const BASE = "/api/v1/me/tokens";
let mayOwnTokens = true;

let pager = null;

function showTokens(tokens) {
  show(byId("tokens-loading"), false);
  const none = tokens.length === 0 && pager.index === 0;
  show(byId("tokens-empty"), none && mayOwnTokens);
  show(byId("tokens-table"), !none);
  renderTokens(byId("tokens-body"), tokens, {
    base: BASE,
    label: (t) => t.application,
    columns: 6,
    editable: mayOwnTokens,
    onChange: async (what, token) => {
      if (what === "edit" && !(await personalTokenDialog({ token, base: BASE }))) return;
      await reload();
    },
  });
}

// The first page, or the page shown again after a change.
async function loadTokens() {
  if (!pager) {
    pager = new Pager({ after: byId("tokens-table").parentElement, path: BASE, noun: "tokens", render: showTokens });
    await pager.search();
  } else {
    await pager.reload();
  }
}

async function reload() {
  try {
    await loadTokens();
    showError("page-error", null);
  } catch (e) {
    showError("page-error", e);
  }
}

async function createToken() {
  const created = await personalTokenDialog({ token: null, base: BASE });
  if (created) {
    await reload();
    await showValueOnce(created.secret, `Your new token for ${created.token.application}`);
  }
  byId("new-token").focus();
}

async function start() {
  byId("logout").addEventListener("click", logout);
  byId("new-token").addEventListener("click", createToken);
  byId("time-zone").textContent = TIME_ZONE;
  try {
    const me = await api("GET", "/api/v1/me");
    setText("user-login", me.user.login);
    setText("user-organization", me.user.organization);
    byId("user-profiles").replaceChildren(chips(me.user.profiles));
    setText("user-status", me.user.status);
    setText("contact-first-name", me.contact.firstName);
    setText("contact-name", me.contact.name);
    setText("contact-email", me.contact.email);
    show(byId("admin-link"), me.user.profiles.includes("Administrator"));
    show(byId("account"));
    show(byId("tokens-section"));
    mayOwnTokens = !me.personalTokens || me.personalTokens.allowed;
    if (!mayOwnTokens) {
      const notice = byId("tokens-unavailable");
      notice.textContent = me.personalTokens.reason;
      show(notice);
      show(byId("new-token"), false);
    }
    show(byId("page-status"), false);
    await loadTokens();
  } catch (e) {
    show(byId("page-status"), false);
    show(byId("tokens-loading"), false);
    showError("page-error", e);
  }
}

start();
