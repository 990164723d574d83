package dev.tokensmith.adapter.persistence;

import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the SQL statements the adapters send (every statement JDBI executes, whether it succeeds
 * or fails), as a plain number the bootstrap can publish as a metric.
 */
final class StatementCounter implements SqlLogger {
  private final LongAdder statements = new LongAdder();

  @Override
  public void logBeforeExecution(StatementContext context) {
    statements.increment();
  }

  long count() {
    return statements.sum();
  }
}
