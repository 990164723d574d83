package dev.tokensmith.application.fake;

import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.LikePattern;
import dev.tokensmith.domain.directory.Literal;
import io.vavr.control.Option;

/**
 * Evaluates {@link Criteria} on a {@link DirectoryRecord} in Java, by the matching rules of {@link
 * dev.tokensmith.application.port.out.DirectoryStore}: the reference the SQL translation is tested
 * against.
 */
final class InMemoryCriteria {
  private InMemoryCriteria() {}

  static boolean matches(Criteria criteria, DirectoryRecord record) {
    if (criteria instanceof Criteria.All) {
      return true;
    }
    if (criteria instanceof Criteria.Comparison comparison) {
      return compares(record, comparison.attribute(), comparison.operator(), comparison.value());
    }
    if (criteria instanceof Criteria.Like like) {
      String value = DirectoryText.fold(record.field(like.attribute()));
      boolean matched = LikePattern.of(DirectoryText.fold(like.pattern())).matches(value);
      return matched != like.negated();
    }
    if (criteria instanceof Criteria.In in) {
      boolean member =
          in.values().stream()
              .anyMatch(value -> compares(record, in.attribute(), ComparisonOperator.EQUAL, value));
      return member != in.negated();
    }
    if (criteria instanceof Criteria.And and) {
      return and.operands().stream().allMatch(operand -> matches(operand, record));
    }
    if (criteria instanceof Criteria.Or or) {
      return or.operands().stream().anyMatch(operand -> matches(operand, record));
    }
    throw new IllegalArgumentException("no evaluation for " + criteria.getClass());
  }

  private static boolean compares(
      DirectoryRecord record, String attribute, ComparisonOperator operator, Literal literal) {
    String field = record.field(attribute);
    int order;
    if (record.directoryClass().isNumeric(attribute)) {
      Option<Long> number =
          literal instanceof Literal.Number n
              ? Option.some(n.value())
              : DirectoryText.integer(((Literal.Text) literal).value());
      if (number.isEmpty()) {
        // a text that is not an integer equals no number and is neither below nor above one
        return operator == ComparisonOperator.NOT_EQUAL;
      }
      order = Long.compare(Long.parseLong(field), number.get());
    } else {
      order = DirectoryText.compareIgnoringCase(field, DirectoryText.asText(literal));
    }
    return holds(operator, order);
  }

  private static boolean holds(ComparisonOperator operator, int order) {
    switch (operator) {
      case EQUAL:
        return order == 0;
      case NOT_EQUAL:
        return order != 0;
      case LESS:
        return order < 0;
      case GREATER:
        return order > 0;
      case LESS_OR_EQUAL:
        return order <= 0;
      case GREATER_OR_EQUAL:
        return order >= 0;
      default:
        throw new IllegalArgumentException("no evaluation for " + operator);
    }
  }
}
