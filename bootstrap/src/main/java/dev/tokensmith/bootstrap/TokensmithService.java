package dev.tokensmith.bootstrap;

import dev.tokensmith.adapter.http.HttpApi;
import dev.tokensmith.adapter.http.HttpSettings;
import dev.tokensmith.adapter.http.NotificationUseCases;
import dev.tokensmith.adapter.http.UseCases;
import dev.tokensmith.adapter.notification.HttpWebhookSender;
import dev.tokensmith.adapter.notification.SmtpMailSender;
import dev.tokensmith.adapter.persistence.Argon2PasswordHasher;
import dev.tokensmith.adapter.persistence.Argon2TokenDigester;
import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.adapter.persistence.DatabaseStartupException;
import dev.tokensmith.adapter.persistence.HmacTokenDigester;
import dev.tokensmith.adapter.persistence.PepperException;
import dev.tokensmith.adapter.persistence.Peppers;
import dev.tokensmith.adapter.persistence.PostgresAdapters;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.service.NotificationService;
import dev.tokensmith.application.service.SynchroService;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import dev.tokensmith.domain.token.TokenCodec;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The running service, wired by hand: database (embedded or external), adapters, core, HTTP. {@link
 * #close()} stops it gracefully: in-flight requests finish, then the pool and the embedded database
 * close.
 */
public final class TokensmithService implements AutoCloseable {
  private final Database database;
  private final HttpApi http;
  private final TokensmithCore core;
  private final NotificationService notifications;
  private final AutoCloseable notificationWorker;
  private final Thread shutdownHook = new Thread(this::close, "tokensmith-stop");
  private boolean closed;

  private TokensmithService(
      Database database,
      HttpApi http,
      TokensmithCore core,
      NotificationService notifications,
      AutoCloseable notificationWorker) {
    this.database = database;
    this.http = http;
    this.core = core;
    this.notifications = notifications;
    this.notificationWorker = notificationWorker;
    // one hook stops everything in order: HTTP (in-flight requests finish), then the usage flush,
    // the pool and the embedded server; the database's own hook would not wait for HTTP
    database.closeOnlyExplicitly();
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts everything, or throws {@link StartupFailure} with one sentence saying why not. */
  public static TokensmithService start(Configuration config, Clock clock, PrintStream out) {
    Database database = startDatabase(config);
    try {
      PostgresAdapters storage = database.adapters();
      Peppers peppers = PepperStart.load(config, storage.pepperChecks(), out);
      Argon2PasswordHasher passwords = new Argon2PasswordHasher();
      TokenDigester digester =
          config.tokenDigest() == Configuration.TokenDigest.ARGON2ID
              ? new Argon2TokenDigester(
                  peppers,
                  Argon2PasswordHasher.Cost.MINIMUM,
                  Argon2TokenDigester.DEFAULT_CACHE_SIZE)
              : new HmacTokenDigester(peppers);
      // the start-up settings are the policy of a first start; later the database's is used
      storage
          .policies()
          .seed(TokenPolicy.seed(config.policy().personalTokenProfiles(), config.rules()));
      TokensmithCore core =
          new TokensmithCore(
              new TokensmithCore.Ports(
                  storage.tokens(),
                  storage.usage(),
                  storage.accounts(),
                  storage.directory(),
                  digester,
                  passwords,
                  storage.failures(),
                  storage.attempts(),
                  storage.audit(),
                  new SecureRandomBytes(),
                  storage.probe(),
                  storage.sessions(),
                  storage.scopes(),
                  clock,
                  storage.policies()),
              new TokensmithCore.Settings(
                  new TokenCodec(config.tokenPrefix()),
                  config.metricsTokenRequired()
                      ? ScopeCatalog.standard().with(List.of(Scope.METRICS))
                      : ScopeCatalog.standard(),
                  config.rules(),
                  config.policy(),
                  config.sessionTimeouts(),
                  config.budgets()));
      boolean firstStart =
          FirstStart.ensureAdministrator(
              storage.accounts(), passwords, config.adminLogin(), config.adminPassword(), out);
      if (firstStart && config.demoData()) {
        DemoData.seed(storage.accounts(), storage.directory(), out);
      }
      NotificationConfiguration notifying = config.notifications();
      NotificationService notifications =
          new NotificationService(
              storage.notifications(peppers),
              storage.accounts(),
              notifying.smtp().map(SmtpMailSender::new),
              new HttpWebhookSender(notifying.webhookTimeout()),
              new SecureRandomBytes(),
              clock,
              notifying.sending());
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(registry);
      StorageMetrics.bind(database, registry);
      HttpSettings httpSettings =
          HttpSettings.defaults()
              .withClock(clock)
              .withTrustedProxies(config.trustedProxies())
              .withSecureCookies(config.secureCookies())
              .withHsts(config.hsts())
              .withMetricsNeedToken(config.metricsTokenRequired());
      HttpApi http =
          new HttpApi(
              useCases(core),
              httpSettings,
              registry,
              List.of(
                  ItopWebservices.of(
                      core,
                      new SynchroService(storage.synchro(), core.directory, clock),
                      httpSettings.maxRequestBytes())),
              new NotificationUseCases(notifications, notifications));
      try {
        http.start(config.httpHost(), config.httpPort());
      } catch (RuntimeException e) {
        throw new StartupFailure(
            "cannot listen on "
                + config.httpHost()
                + ":"
                + config.httpPort()
                + " (is another program using the port? set TOKENSMITH_HTTP_PORT)",
            e);
      }
      out.println(
          "tokensmith is ready at http://"
              + displayHost(config.httpHost())
              + ":"
              + http.port()
              + "/ ("
              + database.description()
              + ")");
      AutoCloseable worker = NotificationWorker.start(notifications, notifying.interval());
      return new TokensmithService(database, http, core, notifications, worker);
    } catch (PepperException e) {
      database.close();
      throw new StartupFailure(e.getMessage(), e);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  static UseCases useCases(TokensmithCore core) {
    return new UseCases(
        core.authentication,
        core.authentication,
        core.tokens,
        core.accounts,
        core.sessions,
        core.accounts,
        core.personalTokens,
        core.personalTokens,
        core.personalTokens,
        core.tokens,
        core.tokens,
        core.tokens,
        core.personalTokens,
        core.applicationTokens,
        core.applicationTokens,
        core.applicationTokens,
        core.users,
        core.users,
        core.users,
        core.users,
        core.users,
        core.readiness,
        core.sessions,
        core.sessions,
        core.sessions,
        core.scopes,
        core.scopes,
        core.tokenPolicy,
        core.tokenPolicy);
  }

  private static Database startDatabase(Configuration config) {
    DatabaseConfig databaseConfig =
        (config.dbUrl().isDefined()
                ? DatabaseConfig.external(
                    config.dbUrl().get(),
                    config.dbUser().getOrNull(),
                    config.dbPassword().getOrNull())
                : DatabaseConfig.embedded(config.dataDir()))
            .withPooling(config.dbPooling(), config.dbMigrationUrl())
            .withSchema(config.dbSchema());
    try {
      return Database.start(databaseConfig, config.usageFlushInterval());
    } catch (DatabaseStartupException e) {
      throw new StartupFailure(e.getMessage(), e);
    }
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }

  /** The port the HTTP server listens on. */
  public int port() {
    return http.port();
  }

  /** The wired core, for tests that drive the service from inside. */
  TokensmithCore core() {
    return core;
  }

  /** The notifications, for tests that run the worker's rounds themselves. */
  NotificationService notifications() {
    return notifications;
  }

  /** The database, for tests that fill it with SQL. */
  Database database() {
    return database;
  }

  /** Stops the HTTP server (letting in-flight requests finish), then the database. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is stopping: this may be the hook itself
    }
    try {
      http.stop();
    } finally {
      try {
        notificationWorker.close();
      } catch (Exception e) {
        // the worker's close does not fail; the database closes anyway
      }
      database.close();
    }
  }

  /** Where the data lives (for messages). */
  static Path dataDir(Configuration config) {
    return config.dataDir();
  }
}
