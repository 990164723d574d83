package dev.tokensmith.adapter.itop.oql;

import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import java.util.List;
import java.util.stream.Collectors;

/** Writes an {@link ObjectQuery} as the OQL text that {@link OqlParser} reads back to it. */
final class OqlPrinter {
  private OqlPrinter() {}

  static String print(ObjectQuery query) {
    String select = "SELECT " + query.directoryClass().className();
    Criteria criteria = query.criteria();
    return criteria instanceof Criteria.All ? select : select + " WHERE " + condition(criteria);
  }

  static String condition(Criteria criteria) {
    if (criteria instanceof Criteria.Comparison) {
      Criteria.Comparison comparison = (Criteria.Comparison) criteria;
      return name(comparison.attribute())
          + " "
          + comparison.operator().symbol()
          + " "
          + literal(comparison.value());
    }
    if (criteria instanceof Criteria.Like) {
      Criteria.Like like = (Criteria.Like) criteria;
      return name(like.attribute())
          + (like.negated() ? " NOT LIKE " : " LIKE ")
          + string(like.pattern());
    }
    if (criteria instanceof Criteria.In) {
      Criteria.In in = (Criteria.In) criteria;
      return name(in.attribute())
          + (in.negated() ? " NOT IN (" : " IN (")
          + in.values().stream().map(OqlPrinter::literal).collect(Collectors.joining(", "))
          + ")";
    }
    if (criteria instanceof Criteria.And) {
      return operands(((Criteria.And) criteria).operands(), " AND ");
    }
    if (criteria instanceof Criteria.Or) {
      return operands(((Criteria.Or) criteria).operands(), " OR ");
    }
    // All is only ever a whole query's condition, handled by print
    throw new IllegalArgumentException("no OQL condition for " + criteria);
  }

  private static String operands(List<Criteria> operands, String connective) {
    return operands.stream()
        .map(
            operand -> {
              boolean compound = operand instanceof Criteria.And || operand instanceof Criteria.Or;
              return compound ? "(" + condition(operand) + ")" : condition(operand);
            })
        .collect(Collectors.joining(connective));
  }

  private static String name(String attribute) {
    return OqlParser.isReserved(attribute) ? "`" + attribute + "`" : attribute;
  }

  private static String literal(Literal literal) {
    if (literal instanceof Literal.Text) {
      return string(((Literal.Text) literal).value());
    }
    return Long.toString(((Literal.Number) literal).value());
  }

  /** Single-quoted; backslashes and quotes escaped with a backslash, as iTop's lexer reads them. */
  private static String string(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
