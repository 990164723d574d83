import { api, rememberCsrf } from "./api.js";
import { byId, showError } from "./ui.js";

byId("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const login = byId("login").value.trim();
  const password = byId("password").value;
  if (!login || !password) {
    showError("login-error", { message: "Enter your login and your password." });
    return;
  }
  const submit = byId("login-submit");
  submit.disabled = true;
  submit.textContent = "Signing in…";
  try {
    const session = await api("POST", "/api/v1/session", { login, password });
    rememberCsrf(session.csrfToken);
    window.location.assign("/account");
  } catch (e) {
    showError("login-error", e);
    byId("password").value = "";
    byId("password").focus();
  } finally {
    submit.disabled = false;
    submit.textContent = "Sign in";
  }
});
