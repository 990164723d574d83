package dev.tokensmith.adapter.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tokensmith.javalin.TokenTransports;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The REST API of DESIGN §3 and the web UI on Javalin, with the routes of its {@link ApiExtension}s
 * (iTop's {@code webservices/…}): built from the in-ports, {@link #start(String, int) started} and
 * {@link #stop() stopped} by the bootstrap. Its meters go to the given registry, which {@code
 * /metrics} serves, so gauges the bootstrap registers there (e.g. the connection pool) appear too.
 */
public final class HttpApi {
  /** The largest request line plus headers; larger ones get 431. */
  static final int MAX_REQUEST_HEAD_BYTES = 8 * 1024;

  /** A connection that sends or reads nothing for this long is closed. */
  static final java.time.Duration IDLE_TIMEOUT = java.time.Duration.ofSeconds(30);

  private final Javalin app;

  public HttpApi(UseCases useCases, HttpSettings settings, PrometheusMeterRegistry registry) {
    this(useCases, settings, registry, List.of());
  }

  /** The API with the routes of {@code extensions} on the same server. */
  public HttpApi(
      UseCases useCases,
      HttpSettings settings,
      PrometheusMeterRegistry registry,
      List<ApiExtension> extensions) {
    this(useCases, settings, registry, extensions, null);
  }

  /**
   * The API with the routes of {@code extensions} and of lifecycle notifications ({@code
   * notifications} null: no notification routes).
   */
  public HttpApi(
      UseCases useCases,
      HttpSettings settings,
      PrometheusMeterRegistry registry,
      List<ApiExtension> extensions,
      NotificationUseCases notifications) {
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(registry, "registry");
    ObjectMapper json = objectMapper();
    HttpMetrics metrics = new HttpMetrics(registry);
    RequestBodies bodies = new RequestBodies(settings.maxRequestBytes());
    RequestReader reader = new RequestReader(bodies, json);
    SessionCookie cookie = new SessionCookie(settings.secureCookies());
    AddressRateLimiter revocations =
        new AddressRateLimiter(
            settings.revocations(), settings.maxTrackedAddresses(), settings.clock());
    RequestAuthentication authentication =
        new RequestAuthentication(
            useCases.authenticate(),
            useCases.resolveSession(),
            new TokenTransports(bodies::form),
            cookie,
            metrics);
    SessionController session =
        new SessionController(
            useCases.logIn(),
            useCases.startSession(),
            useCases.resolveSession(),
            useCases.endSession(),
            cookie,
            reader,
            metrics);
    SignOutEverywhereController signOutEverywhere =
        new SignOutEverywhereController(useCases.endAllSessions(), cookie);
    AccountController account = new AccountController(useCases.viewMyAccount());
    MyTokensController myTokens =
        new MyTokensController(
            useCases.listMyPersonalTokens(),
            useCases.createPersonalToken(),
            useCases.editPersonalToken(),
            useCases.viewToken(),
            useCases.refreshToken(),
            useCases.deleteToken(),
            reader);
    TokenSelfController self = new TokenSelfController(settings.clock());
    IntrospectionController introspection =
        new IntrospectionController(useCases.introspectToken(), reader);
    RevocationController revocation =
        new RevocationController(useCases.revokeToken(), revocations, reader);
    AdminUsersController users =
        new AdminUsersController(
            useCases.listUsers(),
            useCases.viewUser(),
            useCases.createUser(),
            useCases.editUser(),
            useCases.deleteUser(),
            reader);
    AdminPersonalTokensController personalTokens =
        new AdminPersonalTokensController(
            useCases.listPersonalTokens(), useCases.viewToken(), useCases.deleteToken());
    AdminApplicationTokensController applicationTokens =
        new AdminApplicationTokensController(
            useCases.listApplicationTokens(),
            useCases.createApplicationToken(),
            useCases.editApplicationToken(),
            useCases.viewToken(),
            useCases.refreshToken(),
            useCases.deleteToken(),
            reader);
    HealthController health = new HealthController(useCases.checkReadiness(), registry);
    SecurityHeaders headers = new SecurityHeaders(settings.hsts());
    WebUi web = new WebUi(authentication);
    LoginAttempts attempts = new SharedLoginAttempts(metrics);
    List<ApiExtension.Route> extensionRoutes = new ArrayList<>();
    for (ApiExtension extension : extensions) {
      extensionRoutes.addAll(extension.routes(attempts));
    }

    ScopesController scopes =
        new ScopesController(useCases.listScopes(), useCases.registerScopes(), reader);
    AdminTokenPolicyController tokenPolicy =
        new AdminTokenPolicyController(
            useCases.viewTokenPolicy(), useCases.changeTokenPolicy(), reader);

    NotificationsController notificationsController =
        notifications == null ? null : new NotificationsController(notifications, reader);
    ClientAddresses clientAddresses = new ClientAddresses(settings.trustedProxies());
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.startup.startupWatcherEnabled = false;
              config.http.maxRequestSize = settings.maxRequestBytes();
              // a known path asked with another method: 405 with Allow, not 404
              config.http.prefer405over404 = true;
              config.jetty.multipartConfig.maxTotalRequestSize(
                  settings.maxRequestBytes(), SizeUnit.BYTES);
              config.jetty.multipartConfig.maxFileSize(settings.maxRequestBytes(), SizeUnit.BYTES);
              // bounded request heads (431 beyond) and idle connections (closed), whatever the
              // Jetty defaults of the day; bodies are bounded by maxRequestBytes above
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
                    http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                    http.setSendServerVersion(false);
                  });
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(settings.stopTimeout().toMillis());
                    server.setErrorHandler(new JettyErrors());
                  });
              config.jsonMapper(new JavalinJackson(json, false));
              config.requestLogger.http(new AccessLog(metrics));
              // ctx.ip() everywhere (rate limits, access log, last use, failure log) is this
              config.contextResolver.ip = clientAddresses::of;
              Routes.register(
                  config.routes,
                  authentication,
                  session,
                  signOutEverywhere,
                  account,
                  myTokens,
                  self,
                  introspection,
                  revocation,
                  users,
                  personalTokens,
                  applicationTokens,
                  health,
                  settings.metricsNeedToken() ? Access.METRICS_TOKEN : Access.PUBLIC,
                  headers,
                  web,
                  extensionRoutes,
                  scopes,
                  tokenPolicy);
              if (notificationsController != null) {
                NotificationsController.register(config.routes, notificationsController);
              }
            });
  }

  /** The Javalin application, for the bootstrap to add routes or for tests to inspect it. */
  public Javalin app() {
    return app;
  }

  /** Listens on {@code host}:{@code port} (0 picks a free port, see {@link #port()}). */
  public HttpApi start(String host, int port) {
    app.start(host, port);
    return this;
  }

  /** The port listened on, once started. */
  public int port() {
    return app.port();
  }

  /** Stops listening, letting in-flight requests finish within the configured stop timeout. */
  public void stop() {
    app.stop();
  }

  private static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }
}
