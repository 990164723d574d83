package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.StorageFailure;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
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
 * The one place where the adapters reach PostgreSQL through JDBI, and where database faults become
 * {@link StorageFailure} (or, for a broken constraint, an {@link IllegalStateException}).
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
   * JDBI, driver and pool exceptions become {@link StorageFailure}; a unique value taken by another
   * write (SQLSTATE 23505, a lost race between a use case's check and its write) becomes {@link
   * AlreadyTaken}; any other broken integrity constraint (SQLSTATE class 23) is a programming error
   * and becomes {@link IllegalStateException}; anything else (thrown by the adapters' own code)
   * passes unchanged.
   */
  static RuntimeException translate(RuntimeException e) {
    if (!(e instanceof JdbiException)) {
      return e;
    }
    SQLException sql = sqlCause(e);
    String state = sql == null ? null : sql.getSQLState();
    if ("23505".equals(state)) {
      return new AlreadyTaken("the change breaks the unique constraint " + constraintOf(sql), e);
    }
    if (state != null && state.startsWith("23")) {
      return new IllegalStateException(
          "the change breaks the database constraint " + constraintOf(sql), e);
    }
    return new StorageFailure(
        state == null
            ? "the database call failed (" + e.getClass().getSimpleName() + ")"
            : "the database call failed (SQLSTATE " + state + ")",
        e);
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
