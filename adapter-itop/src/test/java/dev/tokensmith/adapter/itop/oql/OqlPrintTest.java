package dev.tokensmith.adapter.itop.oql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.Criteria.And;
import dev.tokensmith.domain.directory.Criteria.Comparison;
import dev.tokensmith.domain.directory.Criteria.In;
import dev.tokensmith.domain.directory.Criteria.Like;
import dev.tokensmith.domain.directory.Criteria.Or;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OqlPrintTest {
  private static final Criteria A = eq("name", "a");
  private static final Criteria B = eq("name", "b");
  private static final Criteria C = eq("name", "c");

  private static Criteria eq(String attribute, String value) {
    return new Comparison(attribute, ComparisonOperator.EQUAL, Literal.of(value));
  }

  private static String print(Criteria criteria) {
    return Oql.toOql(new ObjectQuery(DirectoryClass.PERSON, criteria));
  }

  @Test
  void aQueryWithoutConditionHasNoWhere() {
    assertThat(Oql.toOql(ObjectQuery.all(DirectoryClass.ORGANIZATION)))
        .isEqualTo("SELECT Organization");
  }

  @Test
  void eachKindOfConditionIsWrittenInCanonicalForm() {
    assertThat(print(new Comparison("org_id", ComparisonOperator.LESS_OR_EQUAL, Literal.of(-3))))
        .isEqualTo("SELECT Person WHERE org_id <= -3");
    assertThat(print(new Like("email", "", false))).isEqualTo("SELECT Person WHERE email LIKE ''");
    assertThat(print(new Like("email", "%@demo.com", true)))
        .isEqualTo("SELECT Person WHERE email NOT LIKE '%@demo.com'");
    assertThat(print(new In("id", List.of(Literal.of(1), Literal.of("2")), true)))
        .isEqualTo("SELECT Person WHERE id NOT IN (1, '2')");
  }

  @Test
  void nestedConnectivesAreParenthesised() {
    assertThat(print(new Or(List.of(A, new And(List.of(B, C))))))
        .isEqualTo("SELECT Person WHERE name = 'a' OR (name = 'b' AND name = 'c')");
    assertThat(print(new And(List.of(new Or(List.of(A, B)), C))))
        .isEqualTo("SELECT Person WHERE (name = 'a' OR name = 'b') AND name = 'c'");
  }

  @Test
  void backslashesAndSingleQuotesAreEscaped() {
    assertThat(print(eq("name", "O'Brien \\ \"x\"")))
        .isEqualTo("SELECT Person WHERE name = 'O\\'Brien \\\\ \"x\"'");
  }

  @Test
  void attributesThatAreKeywordsAreBackQuotedSoTheyParseAsNames() {
    String oql = print(eq("like", "x"));
    assertThat(oql).isEqualTo("SELECT Person WHERE `like` = 'x'");
    assertThat(Oql.parse(oql))
        .isEqualTo(
            Either.left(new OqlSyntaxError.UnknownAttribute(20, DirectoryClass.PERSON, "like")));
  }

  @Test
  void everyKindOfConditionCanBePrinted() {
    Map<Class<?>, Criteria> samples =
        Map.of(
            Criteria.All.class, Criteria.all(),
            Comparison.class, A,
            Like.class, new Like("name", "%", false),
            In.class, new In("id", List.of(Literal.of(1)), false),
            And.class, new And(List.of(A, B)),
            Or.class, new Or(List.of(A, B)));
    assertThat(samples.keySet()).containsExactlyInAnyOrder(Criteria.class.getPermittedSubclasses());
    samples
        .values()
        .forEach(
            criteria -> {
              ObjectQuery query = new ObjectQuery(DirectoryClass.PERSON, criteria);
              assertThat(Oql.parse(Oql.toOql(query))).isEqualTo(Either.right(query));
            });
  }

  @Test
  void allInsideAConditionIsAProgrammingError() {
    assertThatThrownBy(() -> OqlPrinter.condition(Criteria.all()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyKindOfErrorIsProducedBySomeQuery() {
    Map<Class<?>, String> samples =
        Map.of(
            OqlSyntaxError.Malformed.class, "SELECT",
            OqlSyntaxError.UnknownClass.class, "SELECT Nope",
            OqlSyntaxError.UnknownAttribute.class, "SELECT User WHERE nope = 1");
    assertThat(samples.keySet())
        .containsExactlyInAnyOrder(OqlSyntaxError.class.getPermittedSubclasses());
    samples.forEach(
        (kind, oql) -> {
          OqlSyntaxError error = Oql.parse(oql).getLeft();
          assertThat(error).isInstanceOf(kind);
          assertThat(error.message()).isNotBlank();
        });
  }
}
