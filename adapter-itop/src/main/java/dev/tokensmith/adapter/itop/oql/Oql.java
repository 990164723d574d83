package dev.tokensmith.adapter.itop.oql;

import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;

/**
 * Reads and writes the OQL subset iTop clients send as a {@code key}: {@code SELECT <Class> [AS
 * alias] [WHERE <condition>]} with {@code = != < > <= >= LIKE NOT LIKE IN NOT IN}, {@code AND},
 * {@code OR} and parentheses. Parsing is total: it returns an {@link OqlSyntaxError} (malformed
 * text, unknown class, unknown attribute) for any input and never throws.
 */
public final class Oql {
  private Oql() {}

  /** The query {@code oql} describes, checked against the classes tokensmith exposes. */
  public static Either<OqlSyntaxError, ObjectQuery> parse(String oql) {
    if (oql == null) {
      return Either.left(new OqlSyntaxError.Malformed(0, "no query was given"));
    }
    try {
      return Either.right(OqlParser.parse(oql));
    } catch (OqlFailure failure) {
      return Either.left(failure.error());
    }
  }

  /** {@code query} as OQL that {@link #parse} reads back to an equal query. */
  public static String toOql(ObjectQuery query) {
    return OqlPrinter.print(query);
  }
}
