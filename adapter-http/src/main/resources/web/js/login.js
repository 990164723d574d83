import { api } from "./api.js";
import { byId, showError } from "./ui.js";

byId("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const login = byId("login").value.trim();
  const password = byId("password").value;
  if (!login || !password) {
    showError("login-error", { message: "Enter your login and your password." });
    (login ? byId("password") : byId("login")).focus();
    return;
  }
  const submit = byId("login-submit");
  submit.disabled = true;
  submit.textContent = "Signing in…";
  showError("login-error", null);
  try {
    await api("POST", "/api/v1/session", { login, password });
    window.location.assign("/account");
  } catch (e) {
    showError("login-error", e);
    byId("password").value = "";
    byId("password").focus();
    submit.disabled = false;
    submit.textContent = "Sign in";
  }
});
