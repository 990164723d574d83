package dev.tokensmith.javalin.embedded;

import dev.tokensmith.adapter.notification.HttpWebhookSender;
import dev.tokensmith.adapter.notification.NotificationEnvironment;
import dev.tokensmith.adapter.notification.SmtpMailSender;
import dev.tokensmith.adapter.notification.SmtpSettings;
import dev.tokensmith.adapter.persistence.Argon2PasswordHasher;
import dev.tokensmith.adapter.persistence.Argon2TokenDigester;
import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.adapter.persistence.HmacTokenDigester;
import dev.tokensmith.adapter.persistence.PepperChecks;
import dev.tokensmith.adapter.persistence.PepperMismatch;
import dev.tokensmith.adapter.persistence.Peppers;
import dev.tokensmith.adapter.persistence.PostgresAdapters;
import dev.tokensmith.application.port.out.RandomBytes;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.service.NotificationService;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.javalin.EmbeddedTokenVerifier;
import dev.tokensmith.javalin.TokenVerifier;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The embedded mode of the plugin: tokensmith's core on tokensmith's own PostgreSQL database,
 * reached by this service. Every protected request is one authentication (one SQL statement for a
 * valid token), so a refresh or a delete is seen at once, uses are counted and failures logged for
 * the token's owner exactly as by tokensmith. Like every tokensmith instance it runs the
 * notification worker (docs/notifications.md): what happens through this service (a first use from
 * a new address, a refusal for a lost profile, tokens made or deleted through {@link #core()}) is
 * notified by e-mail and webhooks, configured like the service ({@code TOKENSMITH_SMTP_*}, {@code
 * TOKENSMITH_NOTIFICATION_*}); the worker stops with {@link #close()}.
 *
 * <pre>{@code
 * EmbeddedTokensmith tokensmith = EmbeddedTokensmith.builder()
 *     .jdbcUrl("jdbc:postgresql://db:5432/tokensmith", "billing", password)
 *     .pepperFromEnvironment(System.getenv())
 *     .build();
 * ... tokensmith.verifier() ...
 * tokensmith.close(); // at shutdown: writes the pending usage counts
 * }</pre>
 */
public final class EmbeddedTokensmith implements AutoCloseable {
  private final TokensmithCore core;
  private final PostgresAdapters storage;
  private final @Nullable Database database;
  private final TokenVerifier verifier;
  private final NotificationService notifications;
  private final @Nullable NotificationRounds notificationRounds;

  private EmbeddedTokensmith(
      TokensmithCore core,
      PostgresAdapters storage,
      @Nullable Database database,
      NotificationService notifications,
      @Nullable NotificationRounds notificationRounds) {
    this.core = core;
    this.storage = storage;
    this.database = database;
    this.verifier = new EmbeddedTokenVerifier(core.authentication, core.scopes);
    this.notifications = notifications;
    this.notificationRounds = notificationRounds;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The verifier to give the plugin ({@code config.verifier}). */
  public TokenVerifier verifier() {
    return verifier;
  }

  /** tokensmith's core, for a service that calls other use cases itself. */
  public TokensmithCore core() {
    return core;
  }

  /**
   * tokensmith's notifications: the webhooks and deliveries administrators see in tokensmith, and
   * the worker's round ({@link NotificationService#deliverDue()}) this instance runs every {@link
   * Builder#notificationInterval interval}.
   */
  public NotificationService notifications() {
    return notifications;
  }

  /**
   * Stops the notification worker (a round under way ends first), writes the usage counts still
   * pending, then closes the pool when the builder opened it (a {@link Builder#dataSource
   * DataSource} given is left open).
   */
  @Override
  public void close() {
    if (notificationRounds != null) {
      notificationRounds.close();
    }
    if (database != null) {
      database.close();
    } else {
      storage.close();
    }
  }

  /** The settings; a database and a pepper are required. */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private @Nullable DatabaseConfig databaseConfig;
    private @Nullable Peppers peppers;
    private String tokenPrefix = TokenCodec.DEFAULT_PREFIX;
    private boolean argon2 = false;
    private Clock clock = Clock.systemUTC();
    private Option<SmtpSettings> smtp = Option.none();
    private Duration notificationInterval = NotificationEnvironment.DEFAULT_INTERVAL;
    private NotificationService.Settings notificationSending = NotificationService.Settings.DEFAULT;

    private Builder() {}

    /**
     * How often this instance's notification worker runs a round (default 10 s, as {@code
     * TOKENSMITH_NOTIFICATION_INTERVAL_SECONDS}); {@link Duration#ZERO}: this service sends no
     * notification and leaves them to tokensmith's instances (the events it causes still go to the
     * database's outbox, which they send).
     */
    public Builder notificationInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("the notification interval cannot be negative");
      }
      this.notificationInterval = interval;
      return this;
    }

    /**
     * The SMTP server e-mail notifications go through, as {@code TOKENSMITH_SMTP_*}; without it
     * this instance sends webhooks only. Give it the same server as tokensmith: an instance without
     * e-mail turns the events it fans out into webhook deliveries only.
     */
    public Builder smtp(SmtpSettings smtp) {
      this.smtp = Option.some(Objects.requireNonNull(smtp, "smtp"));
      return this;
    }

    /** How deliveries are retried (the service's {@code TOKENSMITH_NOTIFICATION_*} settings). */
    public Builder notificationSending(NotificationService.Settings sending) {
      this.notificationSending = Objects.requireNonNull(sending, "sending");
      return this;
    }

    /**
     * tokensmith's database through the service's own pool; its schema must be the one tokensmith
     * migrated (start tokensmith first). The pool is not closed by {@link #close()}.
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.databaseConfig = null;
      return this;
    }

    /**
     * tokensmith's database by its JDBC URL: a pool of its own is opened (and the schema migrated
     * like tokensmith does at start, which is a no-op once tokensmith ran); {@code user} and {@code
     * password} may be null (then from the URL).
     */
    public Builder jdbcUrl(String url, @Nullable String user, @Nullable String password) {
      if (url == null || !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "the URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
      }
      this.databaseConfig = DatabaseConfig.external(url, user, password);
      this.dataSource = null;
      return this;
    }

    /**
     * The token pepper, in the format of {@code TOKENSMITH_TOKEN_PEPPER}: the same value tokensmith
     * uses, or no token will match.
     */
    public Builder pepper(String pepper) {
      this.peppers = Peppers.parse(pepper, "the pepper");
      return this;
    }

    /** The token pepper from the file {@code TOKENSMITH_TOKEN_PEPPER_FILE} names. */
    public Builder pepperFile(Path file) {
      this.peppers = Peppers.read(file);
      return this;
    }

    /**
     * Reads tokensmith's own configuration variables: {@code TOKENSMITH_TOKEN_PEPPER} or {@code
     * TOKENSMITH_TOKEN_PEPPER_FILE} (one is required), {@code TOKENSMITH_TOKEN_PREFIX} and {@code
     * TOKENSMITH_TOKEN_DIGEST}, the notification settings {@code TOKENSMITH_SMTP_*} and {@code
     * TOKENSMITH_NOTIFICATION_*}, and {@code TOKENSMITH_DB_URL}, {@code TOKENSMITH_DB_USER}, {@code
     * TOKENSMITH_DB_PASSWORD} when no database was given yet. An invalid value throws an {@link
     * IllegalArgumentException} naming the variable.
     */
    public Builder fromEnvironment(Map<String, String> environment) {
      String pepper = present(environment, "TOKENSMITH_TOKEN_PEPPER");
      String pepperFile = present(environment, "TOKENSMITH_TOKEN_PEPPER_FILE");
      if (pepper != null && pepperFile != null) {
        throw new IllegalArgumentException(
            "set TOKENSMITH_TOKEN_PEPPER or TOKENSMITH_TOKEN_PEPPER_FILE, not both");
      }
      if (pepper != null) {
        this.peppers = Peppers.parse(pepper, "TOKENSMITH_TOKEN_PEPPER");
      } else if (pepperFile != null) {
        this.peppers = Peppers.read(Path.of(pepperFile));
      }
      String prefix = present(environment, "TOKENSMITH_TOKEN_PREFIX");
      if (prefix != null) {
        tokenPrefix(prefix);
      }
      String digest = present(environment, "TOKENSMITH_TOKEN_DIGEST");
      if (digest != null) {
        switch (digest.toLowerCase(Locale.ROOT)) {
          case "hmac" -> argon2 = false;
          case "argon2id" -> argon2 = true;
          default ->
              throw new IllegalArgumentException(
                  "TOKENSMITH_TOKEN_DIGEST must be hmac or argon2id, not '" + digest + "'");
        }
      }
      List<String> problems = new ArrayList<>();
      NotificationEnvironment notifying = NotificationEnvironment.read(environment, problems::add);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      this.smtp = notifying.smtp();
      this.notificationInterval = notifying.interval();
      NotificationService.Settings defaults = NotificationService.Settings.DEFAULT;
      Duration firstRetry = notifying.firstRetry().getOrElse(defaults.firstRetry());
      this.notificationSending =
          new NotificationService.Settings(
              notifying.maxAttempts().getOrElse(defaults.maxAttempts()),
              firstRetry,
              firstRetry.compareTo(defaults.maxRetry()) > 0 ? firstRetry : defaults.maxRetry(),
              defaults.lease(),
              defaults.batch(),
              defaults.expiryDays(),
              defaults.retention());
      String url = present(environment, "TOKENSMITH_DB_URL");
      if (url != null && dataSource == null && databaseConfig == null) {
        jdbcUrl(
            url,
            present(environment, "TOKENSMITH_DB_USER"),
            present(environment, "TOKENSMITH_DB_PASSWORD"));
      }
      return this;
    }

    /**
     * The prefix of tokensmith's tokens (default {@code tks}), as {@code TOKENSMITH_TOKEN_PREFIX}.
     */
    public Builder tokenPrefix(String prefix) {
      if (prefix == null || !prefix.matches("[a-z][a-z0-9]{1,9}")) {
        throw new IllegalArgumentException(
            "the token prefix must be 2 to 10 lower-case letters or digits starting with a letter");
      }
      this.tokenPrefix = prefix;
      return this;
    }

    /** The clock of expiries (tests pass a fixed one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public EmbeddedTokensmith build() {
      if (peppers == null) {
        throw new IllegalStateException(
            "the token pepper is missing: set TOKENSMITH_TOKEN_PEPPER or"
                + " TOKENSMITH_TOKEN_PEPPER_FILE as for tokensmith");
      }
      if (dataSource == null && databaseConfig == null) {
        throw new IllegalStateException(
            "tokensmith's database is missing: give a DataSource or a JDBC URL");
      }
      Database database = databaseConfig == null ? null : Database.start(databaseConfig);
      PostgresAdapters storage =
          database == null
              ? PostgresAdapters.on(Objects.requireNonNull(dataSource))
              : database.adapters();
      // the check every start of tokensmith makes (docs/persistence.md, "Pepper"): a pepper that is
      // not this database's would refuse every token as wrong_secret
      Either<PepperMismatch, PepperChecks.Verified> verified =
          storage.pepperChecks().verify(peppers);
      if (verified.isLeft()) {
        if (database != null) {
          database.close();
        } else {
          storage.close();
        }
        throw new IllegalStateException(verified.getLeft().sentence("the pepper"));
      }
      TokenDigester digester =
          argon2
              ? new Argon2TokenDigester(
                  peppers,
                  Argon2PasswordHasher.Cost.MINIMUM,
                  Argon2TokenDigester.DEFAULT_CACHE_SIZE)
              : new HmacTokenDigester(peppers);
      TokensmithCore.Settings defaults = TokensmithCore.Settings.DEFAULT;
      // a database the service never started gets the default token policy (the service seeds
      // its own settings first when it started there before)
      storage
          .policies()
          .seed(TokenPolicy.seed(defaults.policy().personalTokenProfiles(), defaults.rules()));
      TokensmithCore core =
          new TokensmithCore(
              new TokensmithCore.Ports(
                  storage.tokens(),
                  storage.usage(),
                  storage.accounts(),
                  storage.directory(),
                  digester,
                  new Argon2PasswordHasher(),
                  storage.failures(),
                  storage.attempts(),
                  storage.audit(),
                  new PlatformRandomBytes(),
                  storage.probe(),
                  storage.sessions(),
                  storage.scopes(),
                  clock,
                  // the policy administrators edit in the service, shared through the database
                  storage.policies()),
              new TokensmithCore.Settings(
                  new TokenCodec(tokenPrefix),
                  defaults.scopes(),
                  defaults.rules(),
                  defaults.policy()));
      NotificationService notifications =
          new NotificationService(
              storage.notifications(peppers),
              storage.accounts(),
              smtp.map(SmtpMailSender::new),
              new HttpWebhookSender(Duration.ofSeconds(10)),
              new PlatformRandomBytes(),
              clock,
              notificationSending);
      NotificationRounds rounds =
          notificationInterval.isZero()
              ? null
              : new NotificationRounds(notifications, notificationInterval);
      return new EmbeddedTokensmith(core, storage, database, notifications, rounds);
    }

    private static @Nullable String present(Map<String, String> environment, String name) {
      String value = environment.get(name);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /** Random bytes from the platform's {@link SecureRandom}. */
  private static final class PlatformRandomBytes implements RandomBytes {
    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] next(int count) {
      byte[] bytes = new byte[count];
      random.nextBytes(bytes);
      return bytes;
    }
  }
}
