package dev.tokensmith.adapter.itop;

import io.javalin.http.Context;
import java.util.Map;

/** The HTML pages iTop's bulk endpoints answer with when they do not send data. */
final class ItopPages {
  private ItopPages() {}

  /** iTop's {@code UI:Login:Error:AccessRestricted}, the body of its HTTP 401. */
  static final String ACCESS_RESTRICTED =
      "<p><strong>iTop access to this page is restricted. Please, contact an iTop"
          + " administrator.</strong></p>";

  /** A full HTML page titled {@code title} around {@code body}. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + ExportFormat.html(title)
        + "</title>\n</head>\n<body>\n"
        + body
        + "\n</body>\n</html>\n";
  }

  /** Sends {@code html} with HTTP {@code status} and iTop's page headers. */
  static void send(Context ctx, int status, String html, Map<String, String> headers) {
    ctx.status(status);
    headers.forEach(ctx::header);
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=UTF-8");
    ctx.result(html);
  }

  /**
   * iTop's login form, as an endpoint shows it when nobody could be logged in and no login mode was
   * forced; clients such as the data collector recognise it by its {@code loginop} field.
   */
  static String loginForm(String title) {
    return page(
        title,
        "<form method=\"post\">\n<p>Please identify yourself to continue.</p>\n"
            + "<input type=\"hidden\" name=\"loginop\" value=\"login\" />\n"
            + "<p><label>Login <input type=\"text\" name=\"auth_user\"></label></p>\n"
            + "<p><label>Password <input type=\"password\" name=\"auth_pwd\"></label></p>\n"
            + "<p><input type=\"submit\" value=\"Enter iTop\"></p>\n</form>");
  }
}
