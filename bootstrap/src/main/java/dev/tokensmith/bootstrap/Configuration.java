package dev.tokensmith.bootstrap;

import dev.tokensmith.adapter.http.HttpSettings;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.domain.account.Logins;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import dev.tokensmith.domain.authentication.AuthenticationPolicy;
import dev.tokensmith.domain.session.SessionTimeouts;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The service's settings, read from {@code TOKENSMITH_*} environment variables (DESIGN §4). Every
 * variable has a default; an invalid one is reported by name. Secrets print redacted.
 */
public record Configuration(
    String httpHost,
    int httpPort,
    Option<String> dbUrl,
    Option<String> dbUser,
    Option<String> dbPassword,
    Path dataDir,
    Option<String> tokenPepper,
    Option<Path> tokenPepperFile,
    String tokenPrefix,
    String adminLogin,
    Option<String> adminPassword,
    AuthenticationPolicy policy,
    TokenRules rules,
    boolean demoData,
    TokenDigest tokenDigest,
    Duration usageFlushInterval,
    List<String> trustedProxies,
    DatabaseConfig.Pooling dbPooling,
    Option<String> dbSchema,
    Option<String> dbMigrationUrl,
    SessionTimeouts sessionTimeouts,
    boolean secureCookies,
    Duration hsts,
    boolean metricsTokenRequired,
    AttemptBudgets budgets,
    NotificationConfiguration notifications) {

  /** How new token secrets are digested ({@code TOKENSMITH_TOKEN_DIGEST}). */
  public enum TokenDigest {
    /** HMAC-SHA-256 with the pepper: fast, deterministic (the default). */
    HMAC,
    /**
     * Argon2id of the peppered HMAC, salted, with a cache of verified values; HMAC still verifies.
     */
    ARGON2ID
  }

  /** Reads the configuration; the left side lists one sentence per invalid variable. */
  public static Either<List<String>, Configuration> from(Map<String, String> env) {
    Reader r = new Reader(env);
    String host = r.text("TOKENSMITH_HTTP_HOST", "127.0.0.1");
    int port = r.integer("TOKENSMITH_HTTP_PORT", 8080, 0, 65535);
    Option<String> dbUrl = r.optional("TOKENSMITH_DB_URL");
    if (dbUrl.exists(url -> !url.startsWith("jdbc:postgresql:"))) {
      r.problem("TOKENSMITH_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
    }
    Path dataDir = Path.of(r.text("TOKENSMITH_DATA_DIR", "./tokensmith-data"));
    Option<String> pepper = r.optional("TOKENSMITH_TOKEN_PEPPER");
    Option<Path> pepperFile = r.optional("TOKENSMITH_TOKEN_PEPPER_FILE").map(Path::of);
    if (pepper.isDefined() && pepperFile.isDefined()) {
      r.problem("set TOKENSMITH_TOKEN_PEPPER or TOKENSMITH_TOKEN_PEPPER_FILE, not both");
    }
    String prefix = r.text("TOKENSMITH_TOKEN_PREFIX", TokenCodec.DEFAULT_PREFIX);
    if (!TokenCodec.isValidPrefix(prefix)) {
      r.problem(
          "TOKENSMITH_TOKEN_PREFIX must be 2 to 10 lower-case letters or digits starting with a"
              + " letter, not '"
              + prefix
              + "'");
    }
    String adminLogin = r.text("TOKENSMITH_ADMIN_LOGIN", "admin");
    if (Logins.problem(adminLogin) != null) {
      r.problem("TOKENSMITH_ADMIN_LOGIN: " + Logins.problem(adminLogin));
    }
    Option<String> adminPassword = r.optional("TOKENSMITH_ADMIN_PASSWORD");
    adminPassword
        .flatMap(p -> Option.of(Password.problem(p)))
        .forEach(problem -> r.problem("TOKENSMITH_ADMIN_PASSWORD: " + problem));
    Set<Profile> profiles = r.profiles("TOKENSMITH_PERSONAL_TOKEN_PROFILES");
    Option<Duration> maxLifetime =
        r.optional("TOKENSMITH_MAX_TOKEN_LIFETIME_DAYS")
            .map(
                v -> Duration.ofDays(r.integer("TOKENSMITH_MAX_TOKEN_LIFETIME_DAYS", 1, 1, 36500)));
    Duration grace =
        Duration.ofSeconds(r.integer("TOKENSMITH_REFRESH_GRACE_SECONDS", 0, 0, 30 * 24 * 3600));
    boolean secureRest = r.bool("TOKENSMITH_SECURE_REST_SERVICES", true);
    boolean allowViaTokens = r.bool("TOKENSMITH_ALLOW_REST_SERVICES_VIA_TOKENS", false);
    boolean demoData = r.bool("TOKENSMITH_DEMO_DATA", true);
    TokenDigest tokenDigest = TokenDigest.HMAC;
    String digestName = r.text("TOKENSMITH_TOKEN_DIGEST", "hmac").toLowerCase(Locale.ROOT);
    if (digestName.equals("argon2id")) {
      tokenDigest = TokenDigest.ARGON2ID;
    } else if (!digestName.equals("hmac")) {
      r.problem("TOKENSMITH_TOKEN_DIGEST must be hmac or argon2id, not '" + digestName + "'");
    }
    Duration usageFlushInterval =
        Duration.ofMillis(r.integer("TOKENSMITH_USAGE_FLUSH_MILLIS", 250, 10, 60_000));
    List<String> trustedProxies =
        r.optional("TOKENSMITH_TRUSTED_PROXIES")
            .map(
                value ->
                    Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty())
                        .toList())
            .getOrElse(List.of());
    try {
      HttpSettings.defaults().withTrustedProxies(trustedProxies);
    } catch (IllegalArgumentException e) {
      r.problem("TOKENSMITH_TRUSTED_PROXIES: " + e.getMessage());
    }
    DatabaseConfig.Pooling dbPooling =
        r.optional("TOKENSMITH_DB_POOLING")
            .map(
                name ->
                    DatabaseConfig.pooling(name)
                        .getOrElse(
                            () -> {
                              r.problem(
                                  "TOKENSMITH_DB_POOLING must be session or transaction, not '"
                                      + name
                                      + "'");
                              return DatabaseConfig.Pooling.SESSION;
                            }))
            .getOrElse(DatabaseConfig.Pooling.SESSION);
    Option<String> dbMigrationUrl = r.optional("TOKENSMITH_DB_MIGRATION_URL");
    if (dbMigrationUrl.exists(url -> !url.startsWith("jdbc:postgresql:"))) {
      r.problem(
          "TOKENSMITH_DB_MIGRATION_URL must be a PostgreSQL JDBC URL"
              + " (jdbc:postgresql://host:port/db)");
    }
    if (dbMigrationUrl.isDefined() && dbUrl.isEmpty()) {
      r.problem("TOKENSMITH_DB_MIGRATION_URL needs TOKENSMITH_DB_URL too");
    }
    if (dbPooling == DatabaseConfig.Pooling.TRANSACTION && dbUrl.isEmpty()) {
      r.problem("TOKENSMITH_DB_POOLING=transaction needs TOKENSMITH_DB_URL (the pooler's address)");
    } else if (dbPooling == DatabaseConfig.Pooling.TRANSACTION && dbMigrationUrl.isEmpty()) {
      r.problem(
          "TOKENSMITH_DB_POOLING=transaction needs TOKENSMITH_DB_MIGRATION_URL, an address of"
              + " the same database without the transaction-mode pooler, because the migrations"
              + " hold a session lock");
    }
    Option<String> dbSchema = r.optional("TOKENSMITH_DB_SCHEMA");
    if (dbSchema.exists(name -> !DatabaseConfig.isSchemaName(name))) {
      r.problem(
          "TOKENSMITH_DB_SCHEMA must be a lower-case SQL name (a-z, 0-9, _, at most 63"
              + " characters), not '"
              + dbSchema.get()
              + "'");
    }
    Duration sessionIdle =
        Duration.ofMinutes(r.integer("TOKENSMITH_SESSION_IDLE_MINUTES", 30, 1, 7 * 24 * 60));
    Duration sessionMax =
        Duration.ofHours(r.integer("TOKENSMITH_SESSION_MAX_HOURS", 12, 1, 90 * 24));
    SessionTimeouts sessionTimeouts = SessionTimeouts.DEFAULT;
    try {
      sessionTimeouts = new SessionTimeouts(sessionIdle, sessionMax);
    } catch (IllegalArgumentException e) {
      r.problem(
          "TOKENSMITH_SESSION_IDLE_MINUTES must not exceed TOKENSMITH_SESSION_MAX_HOURS in minutes");
    }
    boolean secureCookies = r.bool("TOKENSMITH_SECURE_COOKIES", false);
    Duration hsts =
        Duration.ofSeconds(r.integer("TOKENSMITH_HSTS_SECONDS", 0, 0, 2 * 365 * 24 * 3600));
    boolean metricsTokenRequired = r.bool("TOKENSMITH_METRICS_TOKEN_REQUIRED", false);
    AttemptBudgets defaults = AttemptBudgets.DEFAULT;
    AttemptBudgets budgets =
        new AttemptBudgets(
            r.budget("TOKENSMITH_LIMIT_WRONG_TOKENS_PER_ADDRESS", defaults.wrongTokensPerAddress()),
            r.budget(
                "TOKENSMITH_LIMIT_WRONG_PASSWORDS_PER_LOGIN", defaults.wrongPasswordsPerLogin()),
            r.budget(
                "TOKENSMITH_LIMIT_WRONG_PASSWORDS_PER_ADDRESS",
                defaults.wrongPasswordsPerAddress()));
    NotificationConfiguration notifications = NotificationConfiguration.read(env, r::problem);
    if (!r.problems.isEmpty()) {
      return Either.left(List.copyOf(r.problems));
    }
    return Either.right(
        new Configuration(
            host,
            port,
            dbUrl,
            r.optional("TOKENSMITH_DB_USER"),
            r.optional("TOKENSMITH_DB_PASSWORD"),
            dataDir,
            pepper,
            pepperFile,
            prefix,
            adminLogin,
            adminPassword,
            new AuthenticationPolicy(profiles, secureRest, allowViaTokens),
            new TokenRules(maxLifetime, grace),
            demoData,
            tokenDigest,
            usageFlushInterval,
            trustedProxies,
            dbPooling,
            dbSchema,
            dbMigrationUrl,
            sessionTimeouts,
            secureCookies,
            hsts,
            metricsTokenRequired,
            budgets,
            notifications));
  }

  @Override
  public String toString() {
    return "Configuration[http="
        + httpHost
        + ":"
        + httpPort
        + ", db="
        + dbUrl.map(DatabaseConfig::redact).getOrElse("embedded")
        + ", dbPooling="
        + dbPooling.name().toLowerCase(Locale.ROOT)
        + dbSchema.map(name -> ", dbSchema=" + name).getOrElse("")
        + dbMigrationUrl.map(url -> ", dbMigrationUrl=" + DatabaseConfig.redact(url)).getOrElse("")
        + ", dataDir="
        + dataDir
        + ", tokenPepper="
        + (tokenPepper.isDefined()
            ? "[redacted]"
            : tokenPepperFile.map(Path::toString).getOrElse("generated"))
        + ", tokenPrefix="
        + tokenPrefix
        + ", adminLogin="
        + adminLogin
        + ", policy="
        + policy
        + ", rules="
        + rules
        + ", demoData="
        + demoData
        + ", tokenDigest="
        + tokenDigest.name().toLowerCase(Locale.ROOT)
        + ", usageFlushInterval="
        + usageFlushInterval.toMillis()
        + "ms, trustedProxies="
        + trustedProxies
        + ", sessionTimeouts="
        + sessionTimeouts
        + ", secureCookies="
        + secureCookies
        + ", hsts="
        + hsts.toSeconds()
        + "s, metricsTokenRequired="
        + metricsTokenRequired
        + ", budgets="
        + budgets
        + ", notifications="
        + notifications
        + "]";
  }

  /** Reads variables, collecting one problem per bad one. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    void problem(String sentence) {
      problems.add(sentence);
    }

    Option<String> optional(String name) {
      return Option.of(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    String text(String name, String fallback) {
      return optional(name).getOrElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
      Option<String> value = optional(name);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.get());
        if (parsed < min || parsed > max) {
          problem(name + " must be between " + min + " and " + max + ", not " + parsed);
          return fallback;
        }
        return parsed;
      } catch (NumberFormatException e) {
        problem(name + " must be a whole number, not '" + value.get() + "'");
        return fallback;
      }
    }

    /**
     * A budget of failed attempts written {@code <failures>/<seconds>}, e.g. {@code 30/60} for 30
     * failures per minute.
     */
    AttemptBudget budget(String name, AttemptBudget fallback) {
      Option<String> value = optional(name);
      if (value.isEmpty()) {
        return fallback;
      }
      String[] parts = value.get().split("/", -1);
      String expected =
          name
              + " must be <failures>/<seconds> (1 to 1000000 failures per 1 to 86400 seconds, e.g. "
              + fallback.failures()
              + "/"
              + fallback.window().toSeconds()
              + "), not '"
              + value.get()
              + "'";
      if (parts.length != 2) {
        problem(expected);
        return fallback;
      }
      try {
        int failures = Integer.parseInt(parts[0].strip());
        int seconds = Integer.parseInt(parts[1].strip());
        if (failures < 1 || failures > 1_000_000 || seconds < 1 || seconds > 86_400) {
          problem(expected);
          return fallback;
        }
        return new AttemptBudget(failures, Duration.ofSeconds(seconds));
      } catch (NumberFormatException e) {
        problem(expected);
        return fallback;
      }
    }

    boolean bool(String name, boolean fallback) {
      Option<String> value = optional(name).map(v -> v.toLowerCase(Locale.ROOT));
      if (value.isEmpty()) {
        return fallback;
      }
      if (value.get().equals("true") || value.get().equals("false")) {
        return Boolean.parseBoolean(value.get());
      }
      problem(name + " must be true or false, not '" + value.get() + "'");
      return fallback;
    }

    Set<Profile> profiles(String name) {
      Option<String> value = optional(name);
      if (value.isEmpty()) {
        return AuthenticationPolicy.DEFAULT.personalTokenProfiles();
      }
      Set<Profile> profiles = new LinkedHashSet<>();
      for (String part : value.get().split(",")) {
        String profileName = part.strip();
        Profile.BUILT_IN.stream()
            .filter(p -> p.name().equals(profileName))
            .findFirst()
            .ifPresentOrElse(
                profiles::add,
                () ->
                    problem(
                        name
                            + ": unknown profile '"
                            + profileName
                            + "'; known profiles are Administrator, Directory Manager, Directory"
                            + " Reader, REST Services User"));
      }
      if (profiles.isEmpty() && problems.isEmpty()) {
        problem(name + " must name at least one profile");
      }
      return profiles.isEmpty() ? AuthenticationPolicy.DEFAULT.personalTokenProfiles() : profiles;
    }
  }
}
