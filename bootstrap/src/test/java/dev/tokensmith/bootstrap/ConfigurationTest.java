package dev.tokensmith.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
  @Test
  void everyVariableHasASaneDefault() {
    Configuration config = Configuration.from(Map.of()).get();
    assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.dbUrl()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("./tokensmith-data"));
    assertThat(config.tokenPrefix()).isEqualTo("tks");
    assertThat(config.adminLogin()).isEqualTo("admin");
    assertThat(config.adminPassword()).isEmpty();
    assertThat(config.policy().personalTokenProfiles())
        .containsExactlyInAnyOrder(Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER);
    assertThat(config.policy().secureRestServices()).isTrue();
    assertThat(config.policy().allowRestServicesViaTokens()).isFalse();
    assertThat(config.rules().maxLifetime()).isEmpty();
    assertThat(config.rules().refreshGrace()).isZero();
    assertThat(config.demoData()).isTrue();
    assertThat(config.tokenDigest()).isEqualTo(Configuration.TokenDigest.HMAC);
    assertThat(config.usageFlushInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.trustedProxies()).isEmpty();
    assertThat(config.dbPooling()).isEqualTo(DatabaseConfig.Pooling.SESSION);
    assertThat(config.dbSchema()).isEmpty();
    assertThat(config.dbMigrationUrl()).isEmpty();
  }

  @Test
  void behindATransactionPoolerTheMigrationsTakeTheirOwnAddress() {
    Configuration config =
        Configuration.from(
                Map.of(
                    "TOKENSMITH_DB_URL", "jdbc:postgresql://pgbouncer:6432/shared",
                    "TOKENSMITH_DB_POOLING", "Transaction",
                    "TOKENSMITH_DB_MIGRATION_URL",
                        "jdbc:postgresql://db:5432/shared?password=secret-db-password",
                    "TOKENSMITH_DB_SCHEMA", "tokensmith"))
            .get();
    assertThat(config.dbPooling()).isEqualTo(DatabaseConfig.Pooling.TRANSACTION);
    assertThat(config.dbSchema()).contains("tokensmith");
    assertThat(config.dbMigrationUrl())
        .contains("jdbc:postgresql://db:5432/shared?password=secret-db-password");
    assertThat(config.toString())
        .contains("dbPooling=transaction", "dbSchema=tokensmith")
        .doesNotContain("secret-db-password");
  }

  @Test
  void poolingSchemaAndMigrationAddressMistakesAreNamed() {
    assertThat(
            Configuration.from(
                    Map.of(
                        "TOKENSMITH_DB_POOLING", "statement",
                        "TOKENSMITH_DB_SCHEMA", "Token-Smith"))
                .getLeft())
        .containsExactlyInAnyOrder(
            "TOKENSMITH_DB_POOLING must be session or transaction, not 'statement'",
            "TOKENSMITH_DB_SCHEMA must be a lower-case SQL name (a-z, 0-9, _, at most 63"
                + " characters), not 'Token-Smith'");
    assertThat(Configuration.from(Map.of("TOKENSMITH_DB_POOLING", "transaction")).getLeft())
        .containsExactly(
            "TOKENSMITH_DB_POOLING=transaction needs TOKENSMITH_DB_URL (the pooler's address)");
    assertThat(
            Configuration.from(
                    Map.of(
                        "TOKENSMITH_DB_URL", "jdbc:postgresql://pgbouncer:6432/shared",
                        "TOKENSMITH_DB_POOLING", "transaction"))
                .getLeft())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("needs TOKENSMITH_DB_MIGRATION_URL");
    assertThat(
            Configuration.from(Map.of("TOKENSMITH_DB_MIGRATION_URL", "postgres://db/shared"))
                .getLeft())
        .containsExactlyInAnyOrder(
            "TOKENSMITH_DB_MIGRATION_URL must be a PostgreSQL JDBC URL"
                + " (jdbc:postgresql://host:port/db)",
            "TOKENSMITH_DB_MIGRATION_URL needs TOKENSMITH_DB_URL too");
  }

  @Test
  void everyVariableIsRead() {
    Configuration config =
        Configuration.from(
                Map.ofEntries(
                    Map.entry("TOKENSMITH_HTTP_HOST", "0.0.0.0"),
                    Map.entry("TOKENSMITH_HTTP_PORT", "9090"),
                    Map.entry("TOKENSMITH_DB_URL", "jdbc:postgresql://db:5432/tokensmith"),
                    Map.entry("TOKENSMITH_DB_USER", "ts"),
                    Map.entry("TOKENSMITH_DB_PASSWORD", "secret-db-password"),
                    Map.entry("TOKENSMITH_DATA_DIR", "/var/lib/tokensmith"),
                    Map.entry("TOKENSMITH_TOKEN_PEPPER", "k1:c2VjcmV0LXBlcHBlcg=="),
                    Map.entry("TOKENSMITH_TOKEN_PREFIX", "acme"),
                    Map.entry("TOKENSMITH_ADMIN_LOGIN", "root"),
                    Map.entry("TOKENSMITH_ADMIN_PASSWORD", "a long admin password"),
                    Map.entry(
                        "TOKENSMITH_PERSONAL_TOKEN_PROFILES", "Administrator, Directory Manager"),
                    Map.entry("TOKENSMITH_MAX_TOKEN_LIFETIME_DAYS", "90"),
                    Map.entry("TOKENSMITH_REFRESH_GRACE_SECONDS", "60"),
                    Map.entry("TOKENSMITH_SECURE_REST_SERVICES", "false"),
                    Map.entry("TOKENSMITH_ALLOW_REST_SERVICES_VIA_TOKENS", "TRUE"),
                    Map.entry("TOKENSMITH_DEMO_DATA", "false"),
                    Map.entry("TOKENSMITH_TOKEN_DIGEST", "Argon2id"),
                    Map.entry("TOKENSMITH_USAGE_FLUSH_MILLIS", "1000"),
                    Map.entry("TOKENSMITH_TRUSTED_PROXIES", " 10.0.0.7, 192.168.0.0/16 ,")))
            .get();
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.dbUrl()).contains("jdbc:postgresql://db:5432/tokensmith");
    assertThat(config.tokenPrefix()).isEqualTo("acme");
    assertThat(config.policy().personalTokenProfiles())
        .containsExactlyInAnyOrder(Profile.ADMINISTRATOR, Profile.DIRECTORY_MANAGER);
    assertThat(config.rules().maxLifetime()).contains(Duration.ofDays(90));
    assertThat(config.rules().refreshGrace()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.policy().secureRestServices()).isFalse();
    assertThat(config.policy().allowRestServicesViaTokens()).isTrue();
    assertThat(config.demoData()).isFalse();
    assertThat(config.tokenDigest()).isEqualTo(Configuration.TokenDigest.ARGON2ID);
    assertThat(config.usageFlushInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.trustedProxies()).containsExactly("10.0.0.7", "192.168.0.0/16");
    assertThat(config.toString())
        .doesNotContain("secret-db-password", "c2VjcmV0LXBlcHBlcg", "a long admin password");
  }

  @Test
  void invalidValuesAreNamedOneSentenceEach() {
    var problems =
        Configuration.from(
                Map.of(
                    "TOKENSMITH_HTTP_PORT", "eighty",
                    "TOKENSMITH_DB_URL", "mysql://x",
                    "TOKENSMITH_TOKEN_PREFIX", "TKS",
                    "TOKENSMITH_MAX_TOKEN_LIFETIME_DAYS", "0",
                    "TOKENSMITH_SECURE_REST_SERVICES", "yes",
                    "TOKENSMITH_PERSONAL_TOKEN_PROFILES", "Wizard",
                    "TOKENSMITH_ADMIN_PASSWORD", "short"))
            .getLeft();
    assertThat(problems).hasSize(7);
    assertThat(String.join("\n", problems))
        .contains("TOKENSMITH_HTTP_PORT must be a whole number, not 'eighty'")
        .contains("TOKENSMITH_DB_URL")
        .contains("TOKENSMITH_TOKEN_PREFIX")
        .contains("TOKENSMITH_MAX_TOKEN_LIFETIME_DAYS must be between 1 and 36500")
        .contains("TOKENSMITH_SECURE_REST_SERVICES must be true or false")
        .contains("unknown profile 'Wizard'")
        .contains("TOKENSMITH_ADMIN_PASSWORD: password must be at least 8 characters")
        .doesNotContain("short'");
  }

  @Test
  void anUnknownTokenDigestOrAFlushIntervalOutOfRangeIsRefused() {
    assertThat(
            Configuration.from(
                    Map.of("TOKENSMITH_TOKEN_DIGEST", "md5", "TOKENSMITH_USAGE_FLUSH_MILLIS", "5"))
                .getLeft())
        .containsExactlyInAnyOrder(
            "TOKENSMITH_TOKEN_DIGEST must be hmac or argon2id, not 'md5'",
            "TOKENSMITH_USAGE_FLUSH_MILLIS must be between 10 and 60000, not 5");
  }

  @Test
  void theBudgetsOfFailedAttemptsAreReadAsFailuresPerSeconds() {
    Configuration config =
        Configuration.from(
                Map.of(
                    "TOKENSMITH_LIMIT_WRONG_TOKENS_PER_ADDRESS", "100/60",
                    "TOKENSMITH_LIMIT_WRONG_PASSWORDS_PER_LOGIN", " 5 / 900 "))
            .get();
    assertThat(config.budgets().wrongTokensPerAddress())
        .isEqualTo(new AttemptBudget(100, Duration.ofSeconds(60)));
    assertThat(config.budgets().wrongPasswordsPerLogin())
        .isEqualTo(new AttemptBudget(5, Duration.ofSeconds(900)));
    assertThat(config.budgets().wrongPasswordsPerAddress())
        .isEqualTo(AttemptBudgets.DEFAULT.wrongPasswordsPerAddress());
    assertThat(Configuration.from(Map.of()).get().budgets()).isEqualTo(AttemptBudgets.DEFAULT);
    assertThat(
            Configuration.from(
                    Map.of(
                        "TOKENSMITH_LIMIT_WRONG_TOKENS_PER_ADDRESS", "30",
                        "TOKENSMITH_LIMIT_WRONG_PASSWORDS_PER_ADDRESS", "0/60"))
                .getLeft())
        .containsExactlyInAnyOrder(
            "TOKENSMITH_LIMIT_WRONG_TOKENS_PER_ADDRESS must be <failures>/<seconds> (1 to 1000000"
                + " failures per 1 to 86400 seconds, e.g. 30/60), not '30'",
            "TOKENSMITH_LIMIT_WRONG_PASSWORDS_PER_ADDRESS must be <failures>/<seconds> (1 to"
                + " 1000000 failures per 1 to 86400 seconds, e.g. 30/300), not '0/60'");
  }

  @Test
  void aTrustedProxyThatIsNotAnAddressIsNamed() {
    assertThat(
            Configuration.from(Map.of("TOKENSMITH_TRUSTED_PROXIES", "10.0.0.7, proxy.internal"))
                .getLeft())
        .containsExactly(
            "TOKENSMITH_TRUSTED_PROXIES: 'proxy.internal' is not an address, a CIDR block or a"
                + " range of addresses");
  }

  @Test
  void aPepperAndAPepperFileTogetherAreRefused() {
    assertThat(
            Configuration.from(
                    Map.of(
                        "TOKENSMITH_TOKEN_PEPPER", "x", "TOKENSMITH_TOKEN_PEPPER_FILE", "/tmp/p"))
                .getLeft())
        .containsExactly("set TOKENSMITH_TOKEN_PEPPER or TOKENSMITH_TOKEN_PEPPER_FILE, not both");
  }
}
