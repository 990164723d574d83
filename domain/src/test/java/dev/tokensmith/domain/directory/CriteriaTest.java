package dev.tokensmith.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.domain.directory.Criteria.All;
import dev.tokensmith.domain.directory.Criteria.And;
import dev.tokensmith.domain.directory.Criteria.Comparison;
import dev.tokensmith.domain.directory.Criteria.In;
import dev.tokensmith.domain.directory.Criteria.Like;
import dev.tokensmith.domain.directory.Criteria.Or;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriteriaTest {
  private static final Criteria A = eq("name", "a");
  private static final Criteria B = eq("email", "b");
  private static final Criteria C = eq("phone", "c");

  private static Criteria eq(String attribute, String value) {
    return new Comparison(attribute, ComparisonOperator.EQUAL, Literal.of(value));
  }

  @Test
  void nestedConjunctionsAreFlattenedSoParenthesesDoNotMatter() {
    Criteria leftNested = new And(List.of(new And(List.of(A, B)), C));
    Criteria rightNested = new And(List.of(A, new And(List.of(B, C))));
    assertThat(leftNested).isEqualTo(rightNested).isEqualTo(new And(List.of(A, B, C)));
  }

  @Test
  void nestedDisjunctionsAreFlattenedButConjunctionsInsideThemAreKept() {
    Criteria or = new Or(List.of(new Or(List.of(A, B)), new And(List.of(B, C))));
    assertThat(((Or) or).operands()).containsExactly(A, B, new And(List.of(B, C)));
  }

  @Test
  void conjunctionsAndDisjunctionsNeedTwoOperandsAndNoAll() {
    assertThatThrownBy(() -> new And(List.of(A))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Or(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new And(List.of(A, new All())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Or(Arrays.asList(A, null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void allOfDropsAllAndCollapsesSingleOperands() {
    assertThat(Criteria.allOf(List.of())).isEqualTo(new All());
    assertThat(Criteria.allOf(List.of(new All(), A))).isEqualTo(A);
    assertThat(Criteria.allOf(List.of(A, new All(), B))).isEqualTo(new And(List.of(A, B)));
  }

  @Test
  void anyOfWithAllIsAll() {
    assertThat(Criteria.anyOf(List.of())).isEqualTo(new All());
    assertThat(Criteria.anyOf(List.of(A, new All()))).isEqualTo(new All());
    assertThat(Criteria.anyOf(List.of(A))).isEqualTo(A);
    assertThat(Criteria.anyOf(List.of(A, B))).isEqualTo(new Or(List.of(A, B)));
  }

  @Test
  void attributeNamesMustHaveTheShapeOfAnAttributeCode() {
    assertThat(Criteria.isValidAttributeName("first_name")).isTrue();
    assertThat(Criteria.isValidAttributeName("_x9")).isTrue();
    assertThat(Criteria.isValidAttributeName("9x")).isFalse();
    assertThat(Criteria.isValidAttributeName("")).isFalse();
    assertThat(Criteria.isValidAttributeName("a b")).isFalse();
    assertThat(Criteria.isValidAttributeName("p.email")).isFalse();
    assertThatThrownBy(() -> new Comparison("a-b", ComparisonOperator.LESS, Literal.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Like(null, "%", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inNeedsAtLeastOneValueAndKeepsTheirOrder() {
    assertThatThrownBy(() -> new In("id", List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
    In in = new In("id", List.of(Literal.of(3), Literal.of("2"), Literal.of(3)), true);
    assertThat(in.values()).containsExactly(Literal.of(3), Literal.of("2"), Literal.of(3));
  }

  @Test
  void likeKeepsTheRawPatternEvenWhenEmpty() {
    assertThat(new Like("email", "", false).pattern()).isEmpty();
    assertThat(new Like("email", "50\\%_x", true).pattern()).isEqualTo("50\\%_x");
    assertThatThrownBy(() -> new Like("email", null, false))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void attributesAreListedOnceInOrderOfAppearance() {
    Criteria criteria =
        new Or(
            List.of(
                new And(List.of(eq("email", "x"), new Like("name", "%", false))),
                new In("org_id", List.of(Literal.of(1)), false),
                eq("email", "y")));
    assertThat(criteria.attributes()).containsExactly("email", "name", "org_id");
    assertThat(new All().attributes()).isEmpty();
  }

  @Test
  void literalsAreStringsOrIntegers() {
    assertThat(Literal.of("")).isEqualTo(new Literal.Text(""));
    assertThat(Literal.of(Long.MIN_VALUE)).isEqualTo(new Literal.Number(Long.MIN_VALUE));
    assertThatThrownBy(() -> Literal.of((String) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void textsAreTheTextLiteralsAndPatternsInTheOrderWritten() {
    Criteria criteria =
        new Or(
            List.of(
                new And(List.of(A, new Like("name", "a%", true))),
                new In("id", List.of(Literal.of(3), Literal.of("4")), false),
                new Comparison("id", ComparisonOperator.LESS, Literal.of(9))));
    assertThat(criteria.texts()).containsExactly("a", "a%", "4");
    assertThat(new All().texts()).isEmpty();
  }
}
