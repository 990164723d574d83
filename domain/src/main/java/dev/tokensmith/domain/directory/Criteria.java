package dev.tokensmith.domain.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The condition a directory query puts on objects, independent of OQL and SQL. {@link All} stands
 * alone; {@link And} and {@link Or} are flattened on construction, so equal conditions written with
 * different parentheses are equal values.
 */
public sealed interface Criteria {

  /**
   * No condition: every object of the class matches. Never an operand of {@link And}/{@link Or}.
   */
  record All() implements Criteria {}

  /** {@code attribute <operator> value}, such as {@code org_id = 3}. */
  record Comparison(String attribute, ComparisonOperator operator, Literal value)
      implements Criteria {
    public Comparison {
      AttributeNames.require(attribute);
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * {@code attribute [NOT] LIKE pattern}. The pattern is kept raw, as iTop hands it to MySQL:
   * {@code %} matches any sequence, {@code _} any one character, and {@code \} escapes the next
   * character; it may be empty.
   */
  record Like(String attribute, String pattern, boolean negated) implements Criteria {
    public Like {
      AttributeNames.require(attribute);
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /** {@code attribute [NOT] IN (v1, v2, …)} with at least one value, in the order written. */
  record In(String attribute, List<Literal> values, boolean negated) implements Criteria {
    public In {
      AttributeNames.require(attribute);
      values = List.copyOf(Objects.requireNonNull(values, "values"));
      if (values.isEmpty()) {
        throw new IllegalArgumentException("IN needs at least one value");
      }
    }
  }

  /** Every operand holds; at least two operands, none of them {@code And} or {@code All}. */
  record And(List<Criteria> operands) implements Criteria {
    public And {
      operands = flatten(operands, And.class);
    }
  }

  /** At least one operand holds; at least two operands, none of them {@code Or} or {@code All}. */
  record Or(List<Criteria> operands) implements Criteria {
    public Or {
      operands = flatten(operands, Or.class);
    }
  }

  /** No condition. */
  static Criteria all() {
    return new All();
  }

  /** The conjunction of {@code criteria}: {@code All} operands are dropped, none at all is All. */
  static Criteria allOf(List<? extends Criteria> criteria) {
    List<Criteria> kept = new ArrayList<>();
    for (Criteria each : criteria) {
      if (!(each instanceof All)) {
        kept.add(each);
      }
    }
    if (kept.isEmpty()) {
      return all();
    }
    return kept.size() == 1 ? kept.get(0) : new And(kept);
  }

  /** The disjunction of {@code criteria}: All if any operand is All or if there are none. */
  static Criteria anyOf(List<? extends Criteria> criteria) {
    if (criteria.isEmpty() || criteria.stream().anyMatch(All.class::isInstance)) {
      return all();
    }
    return criteria.size() == 1 ? criteria.get(0) : new Or(List.copyOf(criteria));
  }

  /**
   * Whether {@code attribute} has the shape of an attribute code ({@code [A-Za-z_][A-Za-z0-9_]*}).
   */
  static boolean isValidAttributeName(String attribute) {
    return AttributeNames.isValid(attribute);
  }

  /** The attributes this condition reads, each once, in the order they first appear. */
  default List<String> attributes() {
    Set<String> found = new LinkedHashSet<>();
    collectAttributes(this, found);
    return List.copyOf(found);
  }

  /**
   * Every text this condition holds, in the order written: the values of text literals and the LIKE
   * patterns (for checks that apply to any text a client sent, such as well-formed Unicode).
   */
  default List<String> texts() {
    List<String> found = new ArrayList<>();
    collectTexts(this, found);
    return List.copyOf(found);
  }

  private static void collectTexts(Criteria criteria, List<String> found) {
    if (criteria instanceof Comparison) {
      addText(((Comparison) criteria).value(), found);
    } else if (criteria instanceof Like) {
      found.add(((Like) criteria).pattern());
    } else if (criteria instanceof In) {
      ((In) criteria).values().forEach(value -> addText(value, found));
    } else if (criteria instanceof And) {
      ((And) criteria).operands().forEach(operand -> collectTexts(operand, found));
    } else if (criteria instanceof Or) {
      ((Or) criteria).operands().forEach(operand -> collectTexts(operand, found));
    }
  }

  private static void addText(Literal literal, List<String> found) {
    if (literal instanceof Literal.Text) {
      found.add(((Literal.Text) literal).value());
    }
  }

  private static void collectAttributes(Criteria criteria, Set<String> found) {
    if (criteria instanceof Comparison) {
      found.add(((Comparison) criteria).attribute());
    } else if (criteria instanceof Like) {
      found.add(((Like) criteria).attribute());
    } else if (criteria instanceof In) {
      found.add(((In) criteria).attribute());
    } else if (criteria instanceof And) {
      ((And) criteria).operands().forEach(operand -> collectAttributes(operand, found));
    } else if (criteria instanceof Or) {
      ((Or) criteria).operands().forEach(operand -> collectAttributes(operand, found));
    }
  }

  private static List<Criteria> flatten(
      List<Criteria> operands, Class<? extends Criteria> sameKind) {
    Objects.requireNonNull(operands, "operands");
    List<Criteria> flat = new ArrayList<>();
    for (Criteria operand : operands) {
      Objects.requireNonNull(operand, "operand");
      if (operand instanceof All) {
        throw new IllegalArgumentException("All cannot be an operand; use allOf or anyOf");
      }
      if (sameKind.isInstance(operand)) {
        flat.addAll(
            operand instanceof And ? ((And) operand).operands() : ((Or) operand).operands());
      } else {
        flat.add(operand);
      }
    }
    if (flat.size() < 2) {
      throw new IllegalArgumentException("AND and OR need at least two operands");
    }
    return List.copyOf(flat);
  }
}
