import { api, logout } from "./api.js";
import { byId, setText, show, showError, showValueOnce } from "./ui.js";
import { personalTokenDialog, renderTokens } from "./tokens.js";

const BASE = "/api/v1/me/tokens";

async function loadTokens() {
  const tokens = await api("GET", BASE);
  show(byId("tokens-empty"), tokens.length === 0);
  show(byId("tokens-table"), tokens.length > 0);
  renderTokens(byId("tokens-body"), tokens, {
    base: BASE,
    label: (t) => t.application,
    onChange: async (what, token) => {
      if (what === "edit") {
        const saved = await personalTokenDialog({ token, base: BASE });
        if (!saved) return;
      }
      await reload();
    },
  });
}

async function reload() {
  try {
    await loadTokens();
    showError("page-error", null);
  } catch (e) {
    showError("page-error", e);
  }
}

async function start() {
  byId("logout").addEventListener("click", logout);
  try {
    const me = await api("GET", "/api/v1/me");
    setText("user-login", me.user.login);
    setText("user-organization", me.user.organization);
    setText("user-profiles", me.user.profiles.join(", "));
    setText("user-status", me.user.status);
    setText("contact-first-name", me.contact.firstName);
    setText("contact-name", me.contact.name);
    setText("contact-email", me.contact.email);
    show(byId("admin-link"), me.user.profiles.includes("Administrator"));
    show(byId("account"));
    show(byId("tokens-section"));
    if (me.personalTokens && !me.personalTokens.allowed) {
      const notice = byId("tokens-unavailable");
      notice.textContent = me.personalTokens.reason;
      show(notice);
      show(byId("new-token"), false);
    }
    await loadTokens();
    byId("new-token").addEventListener("click", async () => {
      const created = await personalTokenDialog({ token: null, base: BASE });
      if (created) {
        await reload();
        await showValueOnce(created.secret, `Your new token for ${created.token.application}`);
      }
    });
    show(byId("page-status"), false);
  } catch (e) {
    show(byId("page-status"), false);
    showError("page-error", e);
  }
}

start();
