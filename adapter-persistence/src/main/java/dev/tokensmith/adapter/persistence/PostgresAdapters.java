package dev.tokensmith.adapter.persistence;

import dev.tokensmith.domain.authentication.AuthenticationPolicy;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.TokenRules;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Every storage out-port implemented on one PostgreSQL database, for the bootstrap to wire by hand;
 * the schema must be migrated first ({@link Migrations#migrate(DataSource)}, or {@link Database}).
 * {@link #close()} writes the usage counts still pending; call it before the pool closes ({@link
 * Database#close()} does).
 */
public final class PostgresAdapters implements AutoCloseable {
  /** The default time between two writes of the coalesced usage counts. */
  public static final Duration DEFAULT_USAGE_FLUSH_INTERVAL =
      PendingUses.Settings.DEFAULT.interval();

  private final Jdbi jdbi;
  private final StatementCounter statements;
  private final JdbiTokenStore tokens;
  private final JdbiAccountDirectory accounts;
  private final JdbiDirectoryStore directory;
  private final JdbiAuthenticationFailureLog failures;
  private final JdbiFailedAttemptCounter attempts;
  private final JdbiAuditLog audit;
  private final JdbiStorageProbe probe;
  private final JdbiSynchroStore synchro;
  private final PepperChecks pepperChecks;
  private final JdbiSessionStore sessions;
  private final JdbiScopeRegistry scopes;
  private final JdbiTokenPolicyStore policies;
  private final Storage storage;

  private PostgresAdapters(Jdbi jdbi, StatementCounter statements, PendingUses.Settings usage) {
    this.jdbi = jdbi;
    this.statements = statements;
    Storage storage = new Storage(jdbi);
    this.storage = storage;
    this.tokens = new JdbiTokenStore(storage, usage);
    this.accounts = new JdbiAccountDirectory(storage);
    this.directory = new JdbiDirectoryStore(storage);
    this.synchro = new JdbiSynchroStore(storage);
    this.failures = new JdbiAuthenticationFailureLog(storage);
    this.attempts = new JdbiFailedAttemptCounter(storage);
    this.audit = new JdbiAuditLog(storage);
    this.probe = new JdbiStorageProbe(storage);
    this.pepperChecks = new PepperChecks(storage);
    this.sessions = new JdbiSessionStore(storage);
    this.scopes = new JdbiScopeRegistry(storage);
    this.policies =
        new JdbiTokenPolicyStore(
            storage,
            TokenPolicy.seed(
                AuthenticationPolicy.DEFAULT.personalTokenProfiles(), TokenRules.DEFAULT));
  }

  /**
   * The token policy, shared by every instance; seed it at start ({@link
   * JdbiTokenPolicyStore#seed}).
   */
  public JdbiTokenPolicyStore policies() {
    return policies;
  }

  /** The adapters on {@code dataSource} (normally a pool), with a {@link Jdbi} of their own. */
  public static PostgresAdapters on(DataSource dataSource) {
    return on(dataSource, DEFAULT_USAGE_FLUSH_INTERVAL);
  }

  /** The same, writing the coalesced usage counts every {@code usageFlushInterval}. */
  public static PostgresAdapters on(DataSource dataSource, Duration usageFlushInterval) {
    PendingUses.Settings defaults = PendingUses.Settings.DEFAULT;
    return on(
        dataSource,
        new PendingUses.Settings(usageFlushInterval, defaults.flushAt(), defaults.maxTokens()));
  }

  static PostgresAdapters on(DataSource dataSource, PendingUses.Settings usage) {
    StatementCounter statements = new StatementCounter();
    Jdbi jdbi = Storage.configure(Jdbi.create(dataSource));
    jdbi.setSqlLogger(statements);
    return new PostgresAdapters(jdbi, statements, usage);
  }

  /** The token store, which is also the usage recorder. */
  public JdbiTokenStore tokens() {
    return tokens;
  }

  /** The usage recorder: the token store, coalescing uses and writing them in batches. */
  public JdbiTokenStore usage() {
    return tokens;
  }

  public JdbiAccountDirectory accounts() {
    return accounts;
  }

  /**
   * The directory iTop clients query: the persons, organizations and users of {@link #accounts}.
   */
  public JdbiDirectoryStore directory() {
    return directory;
  }

  /** iTop's data sources and replicas, in the directory's transactions. */
  public JdbiSynchroStore synchro() {
    return synchro;
  }

  public JdbiAuthenticationFailureLog failures() {
    return failures;
  }

  /** The budgets of failed attempts, shared by every instance on this database. */
  public JdbiFailedAttemptCounter attempts() {
    return attempts;
  }

  public JdbiAuditLog audit() {
    return audit;
  }

  public JdbiStorageProbe probe() {
    return probe;
  }

  /** The check values of the pepper keys, verified at every start. */
  public PepperChecks pepperChecks() {
    return pepperChecks;
  }

  /** The web UI sessions, shared by every instance on this database. */
  public JdbiSessionStore sessions() {
    return sessions;
  }

  /** The scopes services registered. */
  public JdbiScopeRegistry scopes() {
    return scopes;
  }

  /**
   * The notification outbox, webhooks and choices; webhook signing secrets are sealed with a key
   * derived from {@code peppers} (the pepper never lives in the database).
   */
  public JdbiNotificationStore notifications(Peppers peppers) {
    return new JdbiNotificationStore(storage, new WebhookSecrets(peppers));
  }

  /** The configured {@link Jdbi} the adapters use, for tools and tests. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** How many SQL statements these adapters have sent since they were made (for a metric). */
  public long sqlStatements() {
    return statements.count();
  }

  /** Writes the pending usage counts and stops their flusher; the pool stays open. */
  @Override
  public void close() {
    tokens.close();
  }
}
