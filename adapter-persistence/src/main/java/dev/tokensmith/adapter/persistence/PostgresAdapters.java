package dev.tokensmith.adapter.persistence;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Every storage out-port implemented on one PostgreSQL database, for the bootstrap to wire by hand;
 * the schema must be migrated first ({@link Migrations#migrate(DataSource)}, or {@link Database}).
 */
public final class PostgresAdapters {
  private final Jdbi jdbi;
  private final JdbiTokenStore tokens;
  private final JdbiAccountDirectory accounts;
  private final JdbiDirectoryStore directory;
  private final JdbiAuthenticationFailureLog failures;
  private final JdbiAuditLog audit;
  private final JdbiStorageProbe probe;

  private PostgresAdapters(Jdbi jdbi) {
    this.jdbi = jdbi;
    Storage storage = new Storage(jdbi);
    this.tokens = new JdbiTokenStore(storage);
    this.accounts = new JdbiAccountDirectory(storage);
    this.directory = new JdbiDirectoryStore(storage);
    this.failures = new JdbiAuthenticationFailureLog(storage);
    this.audit = new JdbiAuditLog(storage);
    this.probe = new JdbiStorageProbe(storage);
  }

  /** The adapters on {@code dataSource} (normally a pool), with a {@link Jdbi} of their own. */
  public static PostgresAdapters on(DataSource dataSource) {
    return new PostgresAdapters(Storage.configure(Jdbi.create(dataSource)));
  }

  /** The token store, which is also the usage recorder. */
  public JdbiTokenStore tokens() {
    return tokens;
  }

  /** The usage recorder: the token store, counting in the database. */
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

  public JdbiAuthenticationFailureLog failures() {
    return failures;
  }

  public JdbiAuditLog audit() {
    return audit;
  }

  public JdbiStorageProbe probe() {
    return probe;
  }

  /** The configured {@link Jdbi} the adapters use, for tools and tests. */
  public Jdbi jdbi() {
    return jdbi;
  }
}
