package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.application.port.out.StorageRefusedInput;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where the adapters reach PostgreSQL through JDBI, and where database faults are
 * classified by SQLSTATE ({@link #translate}): outage, refused input, lost race or programming
 * error.
 */
final class Storage {
  private final Jdbi jdbi;

  Storage(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Configures a fresh {@link Jdbi} the way every adapter of this module expects it. */
  static Jdbi configure(Jdbi jdbi) {
    // exception messages must not echo bound values (digests, password hashes)
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    jdbi.registerArrayType(String.class, "text");
    jdbi.registerArrayType(UUID.class, "uuid");
    jdbi.registerArrayType(Long.class, "bigint");
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerColumnMapper(
        Instant.class,
        (resultSet, column, context) -> {
          OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
          return value == null ? null : value.toInstant();
        });
    jdbi.registerRowMapper(Rows.TokenRow.class, (row, context) -> Rows.TokenRow.read(row, ""));
    jdbi.registerRowMapper(Rows.UserRow.class, (row, context) -> Rows.UserRow.read(row, ""));
    jdbi.registerRowMapper(
        Rows.TombstoneRow.class, (row, context) -> Rows.TombstoneRow.read(row, ""));
    jdbi.registerRowMapper(Rows.LookupRow.class, (row, context) -> Rows.LookupRow.read(row));
    jdbi.registerRowMapper(ConstructorMapper.factory(Rows.OrganizationRow.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Rows.FailureRow.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Rows.AuditRow.class));
    return jdbi;
  }

  /** Runs {@code callback} on a connection in auto-commit mode. */
  <R> R read(HandleCallback<R, RuntimeException> callback) {
    try {
      return jdbi.withHandle(callback);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * Runs {@code callback} in one transaction that is flushed to disk before it returns. Sessions
   * run with {@code synchronous_commit=off} so that usage counting stays fast; lifecycle changes (a
   * revocation, a new password) must survive a crash, so they turn it back on.
   */
  <R> R durably(HandleCallback<R, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(
          handle -> {
            handle.execute("SET LOCAL synchronous_commit = on");
            return callback.withHandle(handle);
          });
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Runs {@code callback} in one transaction, without waiting for the disk. */
  <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(callback);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * Runs {@code work} in one durable transaction, or, when {@code rollback}, in one transaction
   * rolled back at its end (a simulation). The stores' own transactions nest into it: JDBI hands
   * the same connection to every call made on this thread meanwhile; the rollback is an exception
   * thrown through it.
   */
  <T> T inOneTransaction(boolean rollback, Supplier<T> work) {
    if (!rollback) {
      return durably(handle -> work.get());
    }
    try {
      inTransaction(
          handle -> {
            throw new RolledBack(work.get());
          });
    } catch (RolledBack done) {
      @SuppressWarnings("unchecked")
      T result = (T) done.result;
      return result;
    }
    throw new IllegalStateException("a simulated transaction must end in a rollback");
  }

  /** Ends a simulated transaction, carrying its result out. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Object result;

    RolledBack(Object result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /**
   * SQLSTATEs of class 22 (data exception) that only a text value bound from outside can cause: too
   * long for its column, a character the encoding lacks (NUL), a byte sequence with no UTF-8 form,
   * a text that is not the representation of its type.
   */
  private static final Set<String> REFUSED_INPUT = Set.of("22001", "22021", "22P05", "22P02");

  /**
   * Classifies a JDBI, driver or pool exception by its SQLSTATE class. Storage unavailable ({@link
   * StorageFailure}: the caller may retry): no SQLSTATE (an I/O failure, the pool's timeout), class
   * 08 (connection), 53 (insufficient resources), 57P0x (shutdown, cannot connect now), 57014 (a
   * statement timeout), 58 (system error) and 40 (transaction rollback: serialization failure,
   * deadlock). A text value the database cannot hold (class 22, {@link #REFUSED_INPUT}) becomes
   * {@link StorageRefusedInput}; any other data exception (a computed value out of range) is a
   * programming error. A unique value taken by another write (SQLSTATE 23505, a lost race between a
   * use case's check and its write) becomes {@link AlreadyTaken}; any other broken integrity
   * constraint (class 23) is a programming error. Programming errors, and every other class (42
   * syntax, XX internal, …), become {@link IllegalStateException}. Anything not from JDBI (thrown
   * by the adapters' own code) passes unchanged.
   */
  static RuntimeException translate(RuntimeException e) {
    if (!(e instanceof JdbiException)) {
      return e;
    }
    SQLException sql = sqlCause(e);
    String state = sql == null ? null : sql.getSQLState();
    if (state == null || sql instanceof SQLTransientConnectionException || isUnavailable(state)) {
      return new StorageFailure(
          state == null
              ? "the database call failed ("
                  + (sql == null ? e.getClass().getSimpleName() : sql.getClass().getSimpleName())
                  + ")"
              : "the database call failed (SQLSTATE " + state + ")",
          e);
    }
    if ("23505".equals(state)) {
      return new AlreadyTaken("the change breaks the unique constraint " + constraintOf(sql), e);
    }
    if (state.startsWith("23")) {
      return new IllegalStateException(
          "the change breaks the database constraint " + constraintOf(sql), e);
    }
    if (REFUSED_INPUT.contains(state)) {
      return new StorageRefusedInput(
          "the database refused a text value of the request (SQLSTATE " + state + ")", e);
    }
    if (state.startsWith("22")) {
      return new IllegalStateException(
          "the database refused a value the service computed (SQLSTATE " + state + ")", e);
    }
    return new IllegalStateException("the database call failed (SQLSTATE " + state + ")", e);
  }

  private static boolean isUnavailable(String state) {
    return state.startsWith("08")
        || state.startsWith("53")
        || state.startsWith("57P0")
        || state.equals("57014")
        || state.startsWith("58")
        || state.startsWith("40");
  }

  /**
   * Whether {@code e} (as thrown by this class's methods) reports that the statement broke the
   * constraint named {@code constraint}, e.g. a unique name taken by a concurrent transaction.
   */
  static boolean breaks(RuntimeException e, String constraint) {
    SQLException sql = sqlCause(e);
    return sql != null
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("23")
        && constraintOf(sql).equals(constraint);
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String constraintOf(SQLException sql) {
    if (sql instanceof PSQLException psql) {
      ServerErrorMessage message = psql.getServerErrorMessage();
      if (message != null && message.getConstraint() != null) {
        return message.getConstraint();
      }
    }
    return "(unnamed, SQLSTATE " + sql.getSQLState() + ")";
  }

  /** Binds instants as {@code timestamptz} in UTC, keeping their microseconds. */
  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return (position, statement, context) ->
          statement.setObject(position, value.atOffset(ZoneOffset.UTC));
    }
  }
}
