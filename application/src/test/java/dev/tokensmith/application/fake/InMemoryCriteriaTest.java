package dev.tokensmith.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.Literal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryCriteriaTest {
  private static final DirectoryRecord ACME = DirectoryRecord.organization(7, "Acme");
  private static final Criteria NAMED_ACME =
      new Criteria.Comparison("name", ComparisonOperator.EQUAL, Literal.of("ACME"));
  private static final Criteria ID_7 =
      new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(7));

  /** One instance of each kind of criteria, and whether it holds for ACME. */
  private static final Map<Class<?>, Map.Entry<Criteria, Boolean>> EXAMPLES =
      Map.of(
          Criteria.All.class, Map.entry(Criteria.all(), true),
          Criteria.Comparison.class, Map.entry(NAMED_ACME, true),
          Criteria.Like.class, Map.entry(new Criteria.Like("name", "a_M%", false), true),
          Criteria.In.class,
              Map.entry(new Criteria.In("id", List.of(Literal.of("7")), true), false),
          Criteria.And.class, Map.entry(new Criteria.And(List.of(NAMED_ACME, ID_7)), true),
          Criteria.Or.class,
              Map.entry(
                  new Criteria.Or(
                      List.of(
                          new Criteria.Comparison("id", ComparisonOperator.GREATER, Literal.of(7)),
                          new Criteria.Like("friendlyname", "x%", false))),
                  false));

  @Test
  void everyKindOfCriteriaIsEvaluated() {
    assertThat(EXAMPLES.keySet())
        .containsExactlyInAnyOrder(Criteria.class.getPermittedSubclasses());
    EXAMPLES.forEach(
        (kind, example) ->
            assertThat(InMemoryCriteria.matches(example.getKey(), ACME))
                .as(kind.getSimpleName())
                .isEqualTo(example.getValue()));
  }
}
