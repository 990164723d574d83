package dev.tokensmith.adapter.http;

import static dev.tokensmith.adapter.http.Access.INTROSPECT_TOKEN;
import static dev.tokensmith.adapter.http.Access.PAGE;
import static dev.tokensmith.adapter.http.Access.PUBLIC;
import static dev.tokensmith.adapter.http.Access.REST_TOKEN;
import static dev.tokensmith.adapter.http.Access.SELF_AUTHENTICATED;
import static dev.tokensmith.adapter.http.Access.SESSION_OR_REST_TOKEN;

import io.javalin.config.RoutesConfig;
import java.util.List;

/** Every route of the adapter, with who may call it, in this one place. */
final class Routes {
  private Routes() {}

  static void register(
      RoutesConfig routes,
      RequestAuthentication authentication,
      SessionController session,
      SignOutEverywhereController signOutEverywhere,
      AccountController account,
      MyTokensController myTokens,
      TokenSelfController self,
      IntrospectionController introspection,
      RevocationController revocation,
      AdminUsersController users,
      AdminPersonalTokensController personalTokens,
      AdminApplicationTokensController applicationTokens,
      HealthController health,
      Access metricsAccess,
      SecurityHeaders headers,
      WebUi web,
      List<ApiExtension.Route> extensionRoutes,
      ScopesController scopes,
      AdminTokenPolicyController tokenPolicy) {
    routes.before(headers::apply);
    routes.before(RequestBodies::checkPath);
    routes.beforeMatched(StorableInput::check);
    routes.beforeMatched(authentication::handle);

    routes.post("/api/v1/session", session::logIn, PUBLIC);
    routes.delete("/api/v1/session", session::logOut, PUBLIC);

    routes.delete("/api/v1/me/sessions", signOutEverywhere::mine, SESSION_OR_REST_TOKEN);

    routes.get("/api/v1/me", account::show, SESSION_OR_REST_TOKEN);
    routes.get("/api/v1/me/tokens", myTokens::list, SESSION_OR_REST_TOKEN);
    routes.post("/api/v1/me/tokens", myTokens::create, SESSION_OR_REST_TOKEN);
    routes.get("/api/v1/me/tokens/{id}", myTokens::show, SESSION_OR_REST_TOKEN);
    routes.patch("/api/v1/me/tokens/{id}", myTokens::edit, SESSION_OR_REST_TOKEN);
    routes.delete("/api/v1/me/tokens/{id}", myTokens::delete, SESSION_OR_REST_TOKEN);
    routes.post("/api/v1/me/tokens/{id}/refresh", myTokens::refresh, SESSION_OR_REST_TOKEN);

    routes.get("/api/v1/tokens/self", self::show, REST_TOKEN);
    routes.post("/api/v1/tokens/introspect", introspection::introspect, INTROSPECT_TOKEN);
    routes.post("/api/v1/tokens/revoke", revocation::revoke, PUBLIC);

    routes.get("/api/v1/scopes", scopes::list, SESSION_OR_REST_TOKEN);
    routes.put("/api/v1/scopes/{name}", scopes::register, INTROSPECT_TOKEN);

    routes.get("/api/v1/admin/users", users::list, SESSION_OR_REST_TOKEN);
    routes.post("/api/v1/admin/users", users::create, SESSION_OR_REST_TOKEN);
    routes.get("/api/v1/admin/users/{login}", users::show, SESSION_OR_REST_TOKEN);
    routes.patch("/api/v1/admin/users/{login}", users::edit, SESSION_OR_REST_TOKEN);
    routes.delete("/api/v1/admin/users/{login}", users::delete, SESSION_OR_REST_TOKEN);
    routes.delete(
        "/api/v1/admin/users/{login}/sessions", signOutEverywhere::ofUser, SESSION_OR_REST_TOKEN);

    routes.get("/api/v1/admin/personal-tokens", personalTokens::list, SESSION_OR_REST_TOKEN);
    routes.get("/api/v1/admin/personal-tokens/{id}", personalTokens::show, SESSION_OR_REST_TOKEN);
    routes.delete(
        "/api/v1/admin/personal-tokens/{id}", personalTokens::delete, SESSION_OR_REST_TOKEN);

    routes.get("/api/v1/admin/application-tokens", applicationTokens::list, SESSION_OR_REST_TOKEN);
    routes.post(
        "/api/v1/admin/application-tokens", applicationTokens::create, SESSION_OR_REST_TOKEN);
    routes.get(
        "/api/v1/admin/application-tokens/{id}", applicationTokens::show, SESSION_OR_REST_TOKEN);
    routes.patch(
        "/api/v1/admin/application-tokens/{id}", applicationTokens::edit, SESSION_OR_REST_TOKEN);
    routes.delete(
        "/api/v1/admin/application-tokens/{id}", applicationTokens::delete, SESSION_OR_REST_TOKEN);
    routes.post(
        "/api/v1/admin/application-tokens/{id}/refresh",
        applicationTokens::refresh,
        SESSION_OR_REST_TOKEN);

    routes.get("/api/v1/admin/policy", tokenPolicy::show, SESSION_OR_REST_TOKEN);
    routes.put("/api/v1/admin/policy", tokenPolicy::change, SESSION_OR_REST_TOKEN);

    for (ApiExtension.Route route : extensionRoutes) {
      routes.addHttpHandler(route.method(), route.path(), route.handler(), SELF_AUTHENTICATED);
    }

    routes.get("/health/live", health::live, PUBLIC);
    routes.get("/health/ready", health::ready, PUBLIC);
    routes.get("/metrics", health::metrics, metricsAccess);

    routes.get("/", web::signIn, PAGE);
    routes.get("/account", web::account, PAGE);
    routes.get("/admin", web::admin, PAGE);
    routes.get("/web/<path>", web::asset, PAGE);

    ErrorMapping.register(routes);
  }
}
