package dev.tokensmith.adapter.persistence;

import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.LikePattern;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of {@link JdbiDirectoryStore}: for each directory class its rows and a fixed map from
 * attribute code to SQL expression, and the translation of {@link Criteria} into a condition on
 * those expressions whose every value is a bind parameter. Only the expressions of the map, SQL
 * keywords and generated parameter names ({@code :c0}, {@code :c1}, …) are ever written into the
 * statement.
 */
final class DirectorySql {
  private DirectorySql() {}

  /** How the store compares an attribute: as a number or as text. */
  enum Kind {
    NUMBER,
    TEXT
  }

  /** An attribute's SQL expression over the class's rows. */
  record Column(String expression, Kind kind) {}

  /** A class's rows: the columns read, the joined tables, its id column and its attributes. */
  record Table(String select, String from, String id, Map<String, Column> attributes) {
    Column column(String attribute) {
      Column column = attributes.get(attribute);
      if (column == null) {
        throw new IllegalArgumentException(ObjectQuery.unknownAttributeMessage(attribute));
      }
      return column;
    }
  }

  static final Table PERSONS =
      new Table(
          "p.id, p.first_name, p.name, p.email, p.phone, p.status, o.id AS org_id,"
              + " o.name AS org_name",
          "persons p JOIN organizations o ON o.id = p.organization_id",
          "p.id",
          attributes(
              "id", number("p.id"),
              "name", text("p.name"),
              "first_name", text("p.first_name"),
              "email", text("p.email"),
              "phone", text("coalesce(p.phone, '')"),
              "status", text("p.status"),
              "org_id", number("p.organization_id"),
              "org_name", text("o.name"),
              "friendlyname", text("p.first_name || ' ' || p.name")));

  static final Table ORGANIZATIONS =
      new Table(
          "o.id, o.name, o.status",
          "organizations o",
          "o.id",
          attributes(
              "id", number("o.id"),
              "name", text("o.name"),
              "status", text("o.status"),
              "friendlyname", text("o.name")));

  static final Table USERS =
      new Table(
          "u.id, u.login, u.status, u.organization_id, u.contact_person_id, u.profiles",
          "users u",
          "u.id",
          attributes(
              "id", number("u.id"),
              "login", text("u.login"),
              "status", text("u.status"),
              "org_id", number("u.organization_id"),
              "contactid", number("u.contact_person_id"),
              "profile_list",
                  text(
                      "array_to_string(ARRAY(SELECT profile FROM unnest(u.profiles) AS profile"
                          + " ORDER BY profile COLLATE \"C\"), ', ')"),
              "friendlyname", text("u.login")));

  static Table table(DirectoryClass directoryClass) {
    if (directoryClass == DirectoryClass.PERSON) {
      return PERSONS;
    }
    if (directoryClass == DirectoryClass.ORGANIZATION) {
      return ORGANIZATIONS;
    }
    return USERS;
  }

  /** The objects of a query, by id, one page. */
  static Condition find(ObjectQuery query, int limit, int offset) {
    Table table = table(query.directoryClass());
    Condition where = Condition.of(table, query.criteria());
    return where.wrap(
        "SELECT " + table.select() + " FROM " + table.from() + " WHERE ",
        " ORDER BY "
            + table.id()
            + " LIMIT "
            + where.bind(limit)
            + " OFFSET "
            + where.bind(offset));
  }

  /**
   * The objects of a query in iTop's export order: friendly name (ASCII letters folded, code-point
   * order), then id.
   */
  static Condition export(ObjectQuery query) {
    Table table = table(query.directoryClass());
    Condition where = Condition.of(table, query.criteria());
    return where.wrap(
        "SELECT " + table.select() + " FROM " + table.from() + " WHERE ",
        " ORDER BY "
            + Condition.folded(table.column("friendlyname").expression())
            + ", "
            + table.id());
  }

  /** How many objects a query matches. */
  static Condition count(ObjectQuery query) {
    Table table = table(query.directoryClass());
    return Condition.of(table, query.criteria())
        .wrap("SELECT count(*) FROM " + table.from() + " WHERE ", "");
  }

  /** A piece of SQL and the values of its parameters. */
  static final class Condition {
    private final Map<String, Object> parameters;
    private String sql = "";

    private Condition(Map<String, Object> parameters) {
      this.parameters = parameters;
    }

    static Condition of(Table table, Criteria criteria) {
      Condition condition = new Condition(new LinkedHashMap<>());
      condition.sql = condition.translate(table, criteria);
      return condition;
    }

    String sql() {
      return sql;
    }

    Map<String, Object> parameters() {
      return parameters;
    }

    private Condition wrap(String before, String after) {
      sql = before + sql + after;
      return this;
    }

    /** A new parameter holding {@code value}, as it appears in the statement. */
    private String bind(Object value) {
      String name = "c" + parameters.size();
      parameters.put(name, value);
      return ":" + name;
    }

    private String translate(Table table, Criteria criteria) {
      if (criteria instanceof Criteria.All) {
        return "TRUE";
      }
      if (criteria instanceof Criteria.Comparison comparison) {
        return comparison(
            table.column(comparison.attribute()), comparison.operator(), comparison.value());
      }
      if (criteria instanceof Criteria.Like like) {
        return like(table.column(like.attribute()), like);
      }
      if (criteria instanceof Criteria.In in) {
        return in(table.column(in.attribute()), in);
      }
      if (criteria instanceof Criteria.And and) {
        return join(table, and.operands(), " AND ");
      }
      if (criteria instanceof Criteria.Or or) {
        return join(table, or.operands(), " OR ");
      }
      throw new IllegalArgumentException("no translation for " + criteria.getClass());
    }

    private String join(Table table, List<Criteria> operands, String operator) {
      List<String> parts = new ArrayList<>();
      for (Criteria operand : operands) {
        parts.add(translate(table, operand));
      }
      return "(" + String.join(operator, parts) + ")";
    }

    private String comparison(Column column, ComparisonOperator operator, Literal literal) {
      if (column.kind() == Kind.NUMBER) {
        Option<Long> number = number(literal);
        if (number.isEmpty()) {
          // a text that is not an integer equals no number and is neither below nor above one
          return operator == ComparisonOperator.NOT_EQUAL ? "TRUE" : "FALSE";
        }
        return column.expression() + " " + operator.symbol() + " " + bind(number.get());
      }
      String text = DirectoryText.asText(literal);
      int nul = text.indexOf('\u0000');
      if (nul < 0) {
        return folded(column.expression()) + " " + operator.symbol() + " " + foldedValue(text);
      }
      // PostgreSQL text cannot hold U+0000, so no stored value contains it: the literal equals
      // nothing, and as U+0000 is the lowest character, a value is below the literal exactly when
      // it is at most the part before the U+0000
      String before = text.substring(0, nul);
      switch (operator) {
        case EQUAL:
          return "FALSE";
        case NOT_EQUAL:
          return "TRUE";
        case LESS:
        case LESS_OR_EQUAL:
          return folded(column.expression()) + " <= " + foldedValue(before);
        case GREATER:
        case GREATER_OR_EQUAL:
          return folded(column.expression()) + " > " + foldedValue(before);
        default:
          throw new IllegalArgumentException("no translation for " + operator);
      }
    }

    private String like(Column column, Criteria.Like like) {
      LikePattern pattern = LikePattern.of(like.pattern());
      if (pattern.requiresLiteral(0)) {
        // no stored value contains U+0000
        return like.negated() ? "TRUE" : "FALSE";
      }
      return (like.negated() ? "NOT " : "")
          + "("
          + folded(asText(column))
          + " LIKE "
          + foldedValue(pattern.escaped())
          + ")";
    }

    /**
     * {@code = ANY} of one array parameter, however many values: one short statement for JDBI to
     * parse and PostgreSQL to plan (an import reconciles a thousand rows' keys in one query). Texts
     * are folded here as {@code lower()} folds them under {@code COLLATE "C"} ({@link
     * DirectoryText#fold}), so the index on the folded column still serves.
     */
    private String in(Column column, Criteria.In in) {
      String expression;
      if (column.kind() == Kind.NUMBER) {
        Set<Long> numbers = new LinkedHashSet<>();
        for (Literal literal : in.values()) {
          number(literal).forEach(numbers::add);
        }
        if (numbers.isEmpty()) {
          return in.negated() ? "TRUE" : "FALSE";
        }
        expression =
            column.expression()
                + " = ANY(CAST("
                + bind(numbers.toArray(Long[]::new))
                + " AS bigint[]))";
      } else {
        Set<String> texts = new LinkedHashSet<>();
        for (Literal literal : in.values()) {
          String text = DirectoryText.asText(literal);
          if (text.indexOf('\u0000') < 0) {
            texts.add(DirectoryText.fold(text));
          }
        }
        if (texts.isEmpty()) {
          return in.negated() ? "TRUE" : "FALSE";
        }
        expression =
            folded(column.expression())
                + " = ANY(CAST("
                + bind(texts.toArray(String[]::new))
                + " AS text[]))";
      }
      return (in.negated() ? "NOT " : "") + "(" + expression + ")";
    }

    private String foldedValue(String text) {
      return folded("CAST(" + bind(text) + " AS text)");
    }

    private static Option<Long> number(Literal literal) {
      return literal instanceof Literal.Number number
          ? Option.some(number.value())
          : DirectoryText.integer(((Literal.Text) literal).value());
    }

    private static String asText(Column column) {
      return column.kind() == Kind.NUMBER
          ? "CAST(" + column.expression() + " AS text)"
          : column.expression();
    }

    /** ASCII letters in lower case, compared byte-wise; see {@link DirectoryText#fold}. */
    private static String folded(String expression) {
      return "lower((" + expression + ") COLLATE \"C\")";
    }
  }

  private static Column number(String expression) {
    return new Column(expression, Kind.NUMBER);
  }

  private static Column text(String expression) {
    return new Column(expression, Kind.TEXT);
  }

  private static Map<String, Column> attributes(Object... codesAndColumns) {
    Map<String, Column> attributes = new LinkedHashMap<>();
    for (int i = 0; i < codesAndColumns.length; i += 2) {
      attributes.put((String) codesAndColumns[i], (Column) codesAndColumns[i + 1]);
    }
    return Map.copyOf(attributes);
  }

  // ---- writes ----

  static final String ADD_PERSON =
      """
      INSERT INTO persons (first_name, name, email, phone, status, organization_id)
      VALUES (:firstName, :name, :email, :phone, :status, :organizationId)
      RETURNING id
      """;

  /** Ids for {@code :count} new persons, from the identity's sequence. */
  /**
   * Persons from arrays of equal length, each with an id from the table's sequence; returns each id
   * with the 1-based position of its person in the arrays. The input is a CTE referenced twice (so
   * PostgreSQL evaluates it, and {@code nextval}, once per row).
   */
  static final String ADD_PERSONS =
      """
      WITH input AS (
        SELECT nextval(pg_get_serial_sequence('persons', 'id')) AS id, v.*
        FROM unnest(CAST(:firstNames AS text[]), CAST(:names AS text[]),
                    CAST(:emails AS text[]), CAST(:phones AS text[]),
                    CAST(:statuses AS text[]), CAST(:organizations AS bigint[]))
             WITH ORDINALITY AS v(first_name, name, email, phone, status, organization_id, position)
      ), added AS (
        INSERT INTO persons (id, first_name, name, email, phone, status, organization_id)
        OVERRIDING SYSTEM VALUE
        SELECT id, first_name, name, email, phone, status, organization_id FROM input
      )
      SELECT id, position FROM input
      """;

  /**
   * Persons changed from arrays of equal length: a null keeps the field (the phone is kept unless
   * {@code phonesGiven}, then a null removes it); returns the ids found.
   */
  static final String UPDATE_PERSONS =
      """
      UPDATE persons p
      SET first_name = coalesce(v.first_name, p.first_name),
          name = coalesce(v.name, p.name),
          email = coalesce(v.email, p.email),
          phone = CASE WHEN v.phone_given THEN v.phone ELSE p.phone END,
          status = coalesce(v.status, p.status),
          organization_id = coalesce(v.organization_id, p.organization_id)
      FROM unnest(CAST(:ids AS bigint[]), CAST(:firstNames AS text[]), CAST(:names AS text[]),
                  CAST(:emails AS text[]), CAST(:phones AS text[]),
                  CAST(:phonesGiven AS boolean[]), CAST(:statuses AS text[]),
                  CAST(:organizations AS bigint[]))
           AS v(id, first_name, name, email, phone, phone_given, status, organization_id)
      WHERE p.id = v.id
      RETURNING p.id
      """;

  static final String LOCK_PERSON = "SELECT id FROM persons WHERE id = :id FOR UPDATE";

  static final String UPDATE_PERSON =
      """
      UPDATE persons
      SET first_name = :firstName, name = :name, email = :email, phone = :phone,
          status = :status, organization_id = :organizationId
      WHERE id = :id
      """;

  static final String USERS_WITH_CONTACT =
      "SELECT count(*) FROM users WHERE contact_person_id = :id";

  static final String DELETE_PERSON = "DELETE FROM persons WHERE id = :id";

  static final String SET_ORGANIZATION_STATUS =
      "UPDATE organizations SET status = :status WHERE id = :id";

  static final String ADD_ORGANIZATION =
      """
      INSERT INTO organizations (name) VALUES (:name)
      ON CONFLICT ON CONSTRAINT organizations_name_key DO NOTHING
      RETURNING id
      """;

  /**
   * Organizations from arrays of equal length, in their order; a name taken is skipped. Returns the
   * id and name of each organization inserted.
   */
  static final String ADD_ORGANIZATIONS =
      """
      INSERT INTO organizations (name, status)
      SELECT v.name, v.status
      FROM unnest(CAST(:names AS text[]), CAST(:statuses AS text[])) WITH ORDINALITY
           AS v(name, status, position)
      ORDER BY v.position
      ON CONFLICT ON CONSTRAINT organizations_name_key DO NOTHING
      RETURNING id, name
      """;

  /**
   * Organizations changed from arrays of equal length, a null keeping the field; returns the ids
   * found.
   */
  static final String UPDATE_ORGANIZATIONS =
      """
      UPDATE organizations o
      SET name = coalesce(v.name, o.name), status = coalesce(v.status, o.status)
      FROM unnest(CAST(:ids AS bigint[]), CAST(:names AS text[]), CAST(:statuses AS text[]))
           AS v(id, name, status)
      WHERE o.id = v.id
      RETURNING o.id
      """;

  /** The organizations that have exactly one of the names. */
  static final String ORGANIZATIONS_NAMED =
      "SELECT id, name FROM organizations WHERE name = ANY(CAST(:names AS text[]))";

  static final String LOCK_ORGANIZATION =
      "SELECT name FROM organizations WHERE id = :id FOR UPDATE";

  static final String ORGANIZATION_NAMED = "SELECT id FROM organizations WHERE name = :name";

  static final String RENAME_ORGANIZATION = "UPDATE organizations SET name = :name WHERE id = :id";

  static final String DEPENDENTS_OF_ORGANIZATION =
      """
      SELECT (SELECT count(*) FROM persons WHERE organization_id = :id) AS persons,
             (SELECT count(*) FROM users WHERE organization_id = :id) AS users,
             (SELECT count(*) FROM tokens WHERE organization_id = :id) AS application_tokens
      """;

  static final String DELETE_ORGANIZATION = "DELETE FROM organizations WHERE id = :id";

  /** The constraint that keeps organization names unique. */
  static final String ORGANIZATION_NAME_KEY = "organizations_name_key";
}
