package dev.tokensmith.adapter.itop.oql;

import dev.tokensmith.adapter.itop.oql.OqlToken.Kind;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser of one OQL query, with one token of look-ahead:
 *
 * <pre>
 * query      = SELECT name [AS name] [WHERE or] end
 * or         = and {OR and}
 * and        = primary {AND primary}
 * primary    = "(" or ")" | condition
 * condition  = attribute ( ("=" | "!=" | "<" | ">" | "<=" | ">=") literal
 *                        | [NOT] LIKE string
 *                        | [NOT] IN "(" literal {"," literal} ")" )
 * attribute  = name | alias "." name
 * literal    = string | integer
 * </pre>
 *
 * The class and the attributes are resolved after the whole text has parsed, so a syntax error
 * anywhere wins over an unknown name, as in iTop.
 */
final class OqlParser {
  /** Deep enough for any real query, shallow enough that parsing never exhausts the stack. */
  static final int MAX_NESTING = 64;

  /**
   * The class an OQL selects: one of the directory's, or iTop's {@code Contact} (persons) or {@code
   * UserLocal} (users), whose objects answer under their real class.
   */
  private static Option<DirectoryClass> readableClass(String className) {
    return switch (className) {
      case "Contact" -> Option.some(DirectoryClass.PERSON);
      case "UserLocal" -> Option.some(DirectoryClass.USER);
      default -> DirectoryClass.byClassName(className);
    };
  }

  /** Words that cannot be bare names; back-quote them (`in`) to use them as names. */
  static final Set<String> RESERVED_WORDS =
      Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "LIKE", "IN", "AS", "JOIN", "ON");

  private final String input;
  private final OqlLexer lexer;
  private final List<OqlToken> attributeTokens = new ArrayList<>();
  private OqlToken current;
  private String alias = "";

  private OqlParser(String input) {
    this.input = input;
    this.lexer = new OqlLexer(input);
  }

  /** The query {@code input} describes; throws {@link OqlFailure} otherwise. */
  static ObjectQuery parse(String input) {
    return new OqlParser(input).query();
  }

  static boolean isReserved(String word) {
    return RESERVED_WORDS.contains(word.toUpperCase(Locale.ROOT));
  }

  private ObjectQuery query() {
    advance();
    if (current.kind() == Kind.END) {
      throw OqlFailure.malformed(current.start(), "the query is empty; it starts with SELECT");
    }
    if (!current.isKeyword("SELECT")) {
      throw unexpected("a query starting with SELECT");
    }
    advance();
    OqlToken classToken = name("a class name after SELECT");
    alias = classToken.text();
    if (current.isKeyword("AS")) {
      advance();
      alias = name("an alias after AS").text();
    }
    refuseUnsupportedClauses();
    Criteria criteria = Criteria.all();
    boolean hasWhere = current.isKeyword("WHERE");
    if (hasWhere) {
      advance();
      criteria = or(0);
    }
    if (current.kind() != Kind.END) {
      if (current.kind() == Kind.RIGHT_PARENTHESIS) {
        throw OqlFailure.malformed(current.start(), "')' closes no '('");
      }
      throw unexpected(
          hasWhere ? "AND, OR or the end of the query" : "WHERE or the end of the query");
    }
    DirectoryClass directoryClass =
        readableClass(classToken.text())
            .getOrElseThrow(
                () ->
                    new OqlFailure(
                        new OqlSyntaxError.UnknownClass(classToken.start(), classToken.text())));
    for (OqlToken attribute : attributeTokens) {
      if (!directoryClass.hasAttribute(attribute.text())) {
        throw new OqlFailure(
            new OqlSyntaxError.UnknownAttribute(
                attribute.start(), directoryClass, attribute.text()));
      }
    }
    return new ObjectQuery(directoryClass, criteria);
  }

  private void refuseUnsupportedClauses() {
    if (current.isKeyword("FROM")) {
      throw OqlFailure.malformed(
          current.start(),
          "SELECT … FROM is not supported; write SELECT <Class> [AS alias] WHERE …");
    }
    if (current.isKeyword("JOIN")) {
      throw OqlFailure.malformed(current.start(), "JOIN is not supported");
    }
    if (current.kind() == Kind.COMMA) {
      throw OqlFailure.malformed(current.start(), "a query selects exactly one class");
    }
  }

  private Criteria or(int nesting) {
    List<Criteria> operands = new ArrayList<>();
    operands.add(and(nesting));
    while (current.isKeyword("OR")) {
      advance();
      operands.add(and(nesting));
    }
    return operands.size() == 1 ? operands.get(0) : new Criteria.Or(operands);
  }

  private Criteria and(int nesting) {
    List<Criteria> operands = new ArrayList<>();
    operands.add(primary(nesting));
    while (current.isKeyword("AND")) {
      advance();
      operands.add(primary(nesting));
    }
    return operands.size() == 1 ? operands.get(0) : new Criteria.And(operands);
  }

  private Criteria primary(int nesting) {
    if (current.kind() != Kind.LEFT_PARENTHESIS) {
      return condition();
    }
    OqlToken open = current;
    if (nesting >= MAX_NESTING) {
      throw OqlFailure.malformed(
          open.start(), "parentheses are nested more than " + MAX_NESTING + " deep");
    }
    advance();
    Criteria inner = or(nesting + 1);
    if (current.kind() != Kind.RIGHT_PARENTHESIS) {
      throw unexpected("AND, OR or ')' to close the '(' at position " + (open.start() + 1));
    }
    advance();
    return inner;
  }

  private Criteria condition() {
    OqlToken attribute = attribute();
    String name = attribute.text();
    ComparisonOperator operator = comparisonOperator(current.kind());
    if (operator != null) {
      String symbol = current.text();
      advance();
      return new Criteria.Comparison(name, operator, literal("a value after " + symbol));
    }
    boolean negated = current.isKeyword("NOT");
    if (negated) {
      advance();
      if (!current.isKeyword("LIKE") && !current.isKeyword("IN")) {
        throw unexpected("LIKE or IN after NOT");
      }
    }
    if (current.isKeyword("LIKE")) {
      advance();
      if (current.kind() != Kind.STRING) {
        throw unexpected("a quoted pattern after LIKE");
      }
      String pattern = current.text();
      advance();
      return new Criteria.Like(name, pattern, negated);
    }
    if (current.isKeyword("IN")) {
      advance();
      return new Criteria.In(name, literalList(), negated);
    }
    throw unexpected("an operator (= != < > <= >= LIKE NOT LIKE IN NOT IN) after " + name);
  }

  /** An attribute reference, optionally qualified by the alias; remembered for the final check. */
  private OqlToken attribute() {
    OqlToken first = name("an attribute name");
    if (current.kind() != Kind.DOT) {
      attributeTokens.add(first);
      return first;
    }
    if (!first.text().equals(alias)) {
      throw OqlFailure.malformed(
          first.start(),
          "unknown alias "
              + Shown.quoted(first.text())
              + "; this query names its class "
              + Shown.quoted(alias));
    }
    advance();
    OqlToken attribute = name("an attribute name after " + alias + ".");
    attributeTokens.add(attribute);
    return attribute;
  }

  private List<Literal> literalList() {
    if (current.kind() != Kind.LEFT_PARENTHESIS) {
      throw unexpected("'(' to open the list of values");
    }
    advance();
    List<Literal> values = new ArrayList<>();
    values.add(literal("a value in the list"));
    while (current.kind() == Kind.COMMA) {
      advance();
      values.add(literal("a value after ','"));
    }
    if (current.kind() != Kind.RIGHT_PARENTHESIS) {
      throw unexpected("',' or ')' in the list of values");
    }
    advance();
    return values;
  }

  private Literal literal(String expected) {
    Literal literal;
    if (current.kind() == Kind.STRING) {
      literal = Literal.of(current.text());
    } else if (current.kind() == Kind.INTEGER) {
      literal = Literal.of(current.number());
    } else {
      throw unexpected(expected + " (a quoted string or an integer)");
    }
    advance();
    return literal;
  }

  private OqlToken name(String expected) {
    OqlToken token = current;
    boolean isName =
        token.kind() == Kind.QUOTED_NAME
            || (token.kind() == Kind.WORD && !isReserved(token.text()));
    if (!isName) {
      throw unexpected(expected);
    }
    advance();
    return token;
  }

  private void advance() {
    current = lexer.next();
  }

  private OqlFailure unexpected(String expected) {
    return OqlFailure.malformed(current.start(), "expected " + expected + ", found " + found());
  }

  private String found() {
    switch (current.kind()) {
      case END:
        return "the end of the query";
      case STRING:
        return "the string " + Shown.quoted(current.text());
      case INTEGER:
        return "the integer " + current.text();
      default:
        return Shown.quoted(input.substring(current.start(), current.end()));
    }
  }

  private static ComparisonOperator comparisonOperator(Kind kind) {
    switch (kind) {
      case EQUAL:
        return ComparisonOperator.EQUAL;
      case NOT_EQUAL:
        return ComparisonOperator.NOT_EQUAL;
      case LESS:
        return ComparisonOperator.LESS;
      case GREATER:
        return ComparisonOperator.GREATER;
      case LESS_OR_EQUAL:
        return ComparisonOperator.LESS_OR_EQUAL;
      case GREATER_OR_EQUAL:
        return ComparisonOperator.GREATER_OR_EQUAL;
      default:
        return null;
    }
  }
}
