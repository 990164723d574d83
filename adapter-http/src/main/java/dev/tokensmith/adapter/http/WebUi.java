package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.RequestAuthentication.PageSession;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web UI: the sign-in page ({@code /}), My account ({@code /account}) and Administration
 * ({@code /admin}), each checked on the server before anything of it is sent, and their scripts,
 * styles and images under {@code /web/**} from the classpath folder {@code web/}.
 */
final class WebUi {
  static final String CSRF_PLACEHOLDER = "__CSRF_TOKEN__";
  private static final String ROOT = "web/";
  private static final String HTML = "text/html; charset=utf-8";

  /**
   * Asset names: lower-case segments, one dot before a known extension. No {@code ..}, no
   * backslash, no HTML (pages are served only through their routes, after their checks).
   */
  private static final Pattern ASSET =
      Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.(css|js|svg|png|ico)");

  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon");

  private final RequestAuthentication authentication;
  private final String signIn;
  private final String account;
  private final String admin;
  private final String forbidden;
  private final Map<String, Asset> assets = new ConcurrentHashMap<>();

  /** A static file, with the validator browsers send back to revalidate it. */
  private record Asset(byte[] bytes, String contentType, String etag) {}

  WebUi(RequestAuthentication authentication) {
    this.authentication = authentication;
    this.signIn = page("index.html", false);
    this.account = page("account.html", true);
    this.admin = page("admin.html", true);
    this.forbidden = page("forbidden.html", false);
  }

  /** {@code GET /}: the sign-in page, or My account for someone already signed in. */
  void signIn(Context ctx) {
    if (authentication.pageSession(ctx).isDefined()) {
      redirect(ctx, "/account");
      return;
    }
    html(ctx, HttpStatus.OK, signIn);
  }

  /** {@code GET /account}: My account, for a signed-in user; else back to the sign-in page. */
  void account(Context ctx) {
    Option<PageSession> session = authentication.pageSession(ctx);
    if (session.isEmpty()) {
      redirect(ctx, "/");
      return;
    }
    html(ctx, HttpStatus.OK, withCsrfToken(account, session.get()));
  }

  /**
   * {@code GET /admin}: Administration, for administrators only; anyone else signed in gets a page
   * saying so (403), with nothing of the administration page.
   */
  void admin(Context ctx) {
    Option<PageSession> session = authentication.pageSession(ctx);
    if (session.isEmpty()) {
      redirect(ctx, "/");
      return;
    }
    if (!session.get().user().isAdministrator()) {
      html(ctx, HttpStatus.FORBIDDEN, forbidden);
      return;
    }
    html(ctx, HttpStatus.OK, withCsrfToken(admin, session.get()));
  }

  /** {@code GET /web/<path>}: a script, style sheet or image; 404 for anything else. */
  void asset(Context ctx) {
    String path = ctx.pathParam("path");
    Asset asset = ASSET.matcher(path).matches() ? asset(path) : null;
    if (asset == null) {
      throw new Rejected(Problems.routeNotFound());
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.header("ETag", asset.etag());
    if (asset.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  private static void html(Context ctx, HttpStatus status, String page) {
    SecurityHeaders.noStore(ctx);
    ctx.status(status).contentType(HTML).result(page);
  }

  private static void redirect(Context ctx, String location) {
    SecurityHeaders.noStore(ctx);
    ctx.redirect(location, HttpStatus.SEE_OTHER);
  }

  private static String withCsrfToken(String page, PageSession session) {
    return page.replace(CSRF_PLACEHOLDER, escape(session.csrfToken()));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  /**
   * A page from the classpath; a missing page or placeholder is a packaging bug, found at start.
   */
  private static String page(String name, boolean needsCsrfToken) {
    byte[] bytes = read(ROOT + name);
    if (bytes == null) {
      throw new IllegalStateException("the web UI page " + ROOT + name + " is missing");
    }
    String page = new String(bytes, StandardCharsets.UTF_8);
    if (needsCsrfToken && !page.contains(CSRF_PLACEHOLDER)) {
      throw new IllegalStateException(ROOT + name + " has no " + CSRF_PLACEHOLDER + " to fill");
    }
    return page;
  }

  /**
   * The asset, or null when there is none. Only files found are kept, so the cache holds at most
   * the files of {@code web/}, whatever names are asked for.
   */
  private Asset asset(String path) {
    Asset cached = assets.get(path);
    if (cached != null) {
      return cached;
    }
    byte[] bytes = read(ROOT + path);
    if (bytes == null) {
      return null;
    }
    String extension = path.substring(path.lastIndexOf('.') + 1);
    Asset asset = new Asset(bytes, TYPES.get(extension), etag(bytes));
    assets.put(path, asset);
    return asset;
  }

  private static byte[] read(String resource) {
    try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
