package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing in the project's main code relies on a database session beyond one transaction, since a
 * transaction-mode pooler (PgBouncer) may run each transaction in another server session: no
 * LISTEN/NOTIFY, no session advisory locks, no session-level SET or set_config, no temporary
 * tables, no JDBC isolation or read-only switch (the driver makes those session settings). The
 * rules read every module's {@code src/main} (docs/operations.md lists them for new code).
 */
class TransactionPoolingRulesTest {
  /** What each forbidden construct looks like in Java or SQL source, and what to use instead. */
  static final Map<Pattern, String> FORBIDDEN =
      Map.of(
          Pattern.compile(
              "(\"\\s*|^\\s*)(LISTEN|UNLISTEN|NOTIFY)\\s+[A-Za-z_*][A-Za-z0-9_]*\\s*(;|,|\"|$)"
                  + "|pg_notify\\s*\\(",
              flags()),
          "LISTEN/NOTIFY lives in a server session: poll a table, claim rows with FOR UPDATE SKIP"
              + " LOCKED",
          Pattern.compile("pg_(try_)?advisory_(un)?lock(_shared)?\\s*\\(", flags()),
          "a session advisory lock outlives the transaction: use pg_advisory_xact_lock or a row"
              + " lock",
          Pattern.compile(
              "\"\\s*SET\\s+(?!LOCAL\\b)(SESSION\\s+)?[A-Za-z_.]+\\s*(=|TO\\b)", flags()),
          "a plain SET stays in the server session: use SET LOCAL inside the transaction",
          Pattern.compile("set_config\\s*\\([^)]*,\\s*false\\s*\\)", flags()),
          "set_config(..., false) stays in the server session: pass true (transaction-local)",
          Pattern.compile("CREATE\\s+(GLOBAL\\s+|LOCAL\\s+)?TEMP(ORARY)?\\s+TABLE", flags()),
          "a temporary table lives in one server session: use a CTE or a real table",
          Pattern.compile(
              "TransactionIsolationLevel\\.|setTransactionIsolation\\s*\\(|setReadOnly\\s*\\(|"
                  + "\\.setSchema\\s*\\("),
          "the driver makes isolation, read-only and schema session settings: use SET TRANSACTION"
              + " ISOLATION LEVEL ... as the transaction's first statement");

  private static int flags() {
    return Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;
  }

  @Test
  void noMainSourceReliesOnTheDatabaseSession() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        Path main = module.resolve("src/main");
        if (Files.isDirectory(main)) {
          try (Stream<Path> files = Files.walk(main)) {
            files
                .filter(Files::isRegularFile)
                .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                .forEach(sources::add);
          }
        }
      }
    }
    // the persistence adapter's own SQL must be among them, or the rules read nothing
    assertThat(sources)
        .anySatisfy(p -> assertThat(p.toString()).endsWith("JdbiTokenStore.java"))
        .anySatisfy(p -> assertThat(p.toString()).endsWith(".sql"));

    List<String> violations = new ArrayList<>();
    for (Path source : sources) {
      violations.addAll(violations(source, Files.readString(source, StandardCharsets.UTF_8)));
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theRulesCatchEachForbiddenConstruct() {
    Path source = Path.of("Example.java");
    assertThat(violations(source, "handle.execute(\"LISTEN token_events\");")).hasSize(1);
    assertThat(violations(source, "SELECT pg_notify('tokens', id::text)")).hasSize(1);
    assertThat(violations(Path.of("V9__x.sql"), "SELECT 1;\nNOTIFY token_events;\n")).hasSize(1);
    assertThat(violations(source, "SELECT pg_advisory_lock(42)")).hasSize(1);
    assertThat(violations(source, "SELECT pg_try_advisory_lock(42)")).hasSize(1);
    assertThat(violations(source, "handle.execute(\"SET synchronous_commit = off\");")).hasSize(1);
    assertThat(violations(source, "handle.execute(\"SET SESSION search_path TO x\");")).hasSize(1);
    assertThat(violations(source, "SELECT set_config('search_path', 'x', false)")).hasSize(1);
    assertThat(violations(source, "CREATE TEMPORARY TABLE pending (id uuid)")).hasSize(1);
    assertThat(violations(source, "CREATE TEMP TABLE pending (id uuid)")).hasSize(1);
    assertThat(
            violations(source, "jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, h ->"))
        .hasSize(1);
    assertThat(violations(source, "connection.setReadOnly(true);")).hasSize(1);

    assertThat(violations(source, "handle.execute(\"SET LOCAL synchronous_commit = on\");"))
        .isEmpty();
    assertThat(violations(source, "SELECT pg_advisory_xact_lock(42)")).isEmpty();
    assertThat(violations(source, "\"cannot listen on \" + address")).isEmpty();
    assertThat(violations(source, "\"set TOKENSMITH_TOKEN_PEPPER or its file\"")).isEmpty();
    assertThat(violations(source, "SELECT set_config('app.user', 'x', true)")).isEmpty();
    assertThat(
            violations(
                source,
                "UPDATE tokens SET use_count = use_count + 1 WHERE id IN"
                    + " (SELECT id FROM tokens FOR UPDATE SKIP LOCKED)"))
        .isEmpty();
  }

  private static List<String> violations(Path source, String text) {
    List<String> found = new ArrayList<>();
    FORBIDDEN.forEach(
        (pattern, instead) -> {
          Matcher matcher = pattern.matcher(text);
          while (matcher.find()) {
            int line = text.substring(0, matcher.start()).split("\n", -1).length;
            found.add(source + ":" + line + ": '" + matcher.group() + "': " + instead);
          }
        });
    return found;
  }
}
