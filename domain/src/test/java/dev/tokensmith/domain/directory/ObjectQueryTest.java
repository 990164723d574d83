package dev.tokensmith.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.directory.Criteria.And;
import dev.tokensmith.domain.directory.Criteria.Comparison;
import dev.tokensmith.domain.directory.Criteria.In;
import dev.tokensmith.domain.directory.Criteria.Like;
import dev.tokensmith.domain.directory.Criteria.Or;
import io.vavr.control.Either;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectQueryTest {

  @Test
  void aQueryReadingOnlyKnownAttributesPassesTheCheck() {
    ObjectQuery query =
        new ObjectQuery(
            DirectoryClass.PERSON,
            new Or(
                List.of(
                    new Like("email", "%@demo.com", false),
                    new And(
                        List.of(
                            new In("org_id", List.of(Literal.of(1), Literal.of(2)), true),
                            new Comparison(
                                "friendlyname", ComparisonOperator.NOT_EQUAL, Literal.of("x")))))));
    assertThat(query.checkAttributes()).isEqualTo(Either.right(query));
  }

  @Test
  void theFirstUnknownAttributeIsNamedInITopWords() {
    ObjectQuery query =
        new ObjectQuery(
            DirectoryClass.ORGANIZATION,
            new And(
                List.of(
                    new Like("name", "%", false),
                    new Comparison("no_such_field", ComparisonOperator.EQUAL, Literal.of(1)),
                    new Comparison("email", ComparisonOperator.EQUAL, Literal.of("a")))));
    assertThat(query.checkAttributes()).isEqualTo(Either.left("no_such_field: Unknown attribute"));
  }

  @Test
  void attributesAreCheckedAgainstTheQueriedClass() {
    Criteria byLogin = new Comparison("login", ComparisonOperator.EQUAL, Literal.of("admin"));
    assertThat(new ObjectQuery(DirectoryClass.USER, byLogin).checkAttributes().isRight()).isTrue();
    assertThat(new ObjectQuery(DirectoryClass.PERSON, byLogin).checkAttributes())
        .isEqualTo(Either.left("login: Unknown attribute"));
  }

  @Test
  void aQueryWithoutConditionAlwaysPasses() {
    for (DirectoryClass directoryClass : DirectoryClass.values()) {
      ObjectQuery all = ObjectQuery.all(directoryClass);
      assertThat(all.checkAttributes()).isEqualTo(Either.right(all));
    }
  }
}
