package dev.tokensmith.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.directory.Criteria.And;
import dev.tokensmith.domain.directory.Criteria.Comparison;
import io.vavr.control.Either;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriteriaObjectTest {

  private static Criteria eq(String attribute, Literal value) {
    return new Comparison(attribute, ComparisonOperator.EQUAL, value);
  }

  @Test
  void eachEntryIsAnEqualityAndTheyAreAndedInOrder() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("email", "a@b");
    object.put("org_id", 3);
    object.put("id", 12L);
    assertThat(CriteriaObject.toCriteria(object))
        .isEqualTo(
            Either.right(
                new And(
                    List.of(
                        eq("email", Literal.of("a@b")),
                        eq("org_id", Literal.of(3)),
                        eq("id", Literal.of(12))))));
  }

  @Test
  void aSingleEntryIsASingleComparison() {
    assertThat(CriteriaObject.toCriteria(Map.of("name", "Demo")))
        .isEqualTo(Either.right(eq("name", Literal.of("Demo"))));
  }

  @Test
  void anEmptyObjectMatchesEverything() {
    assertThat(CriteriaObject.toCriteria(Map.of())).isEqualTo(Either.right(Criteria.all()));
    assertThat(CriteriaObject.toQuery(DirectoryClass.USER, Map.of()))
        .isEqualTo(Either.right(ObjectQuery.all(DirectoryClass.USER)));
  }

  @Test
  void stringsStayStringsEvenWhenTheyLookLikeNumbersOrPatterns() {
    assertThat(CriteriaObject.toCriteria(Map.of("org_id", "3")))
        .isEqualTo(Either.right(eq("org_id", Literal.of("3"))));
    assertThat(CriteriaObject.toCriteria(Map.of("email", "%@demo.com")))
        .isEqualTo(Either.right(eq("email", Literal.of("%@demo.com"))));
  }

  @Test
  void integersOfEveryJsonDecoderWidthAreAccepted() {
    assertThat(CriteriaObject.toCriteria(Map.of("id", (short) 7)))
        .isEqualTo(Either.right(eq("id", Literal.of(7))));
    assertThat(CriteriaObject.toCriteria(Map.of("id", BigInteger.valueOf(Long.MAX_VALUE))))
        .isEqualTo(Either.right(eq("id", Literal.of(Long.MAX_VALUE))));
    assertThat(CriteriaObject.toCriteria(Map.of("id", BigInteger.TWO.pow(64))))
        .isEqualTo(Either.left("id: the value 18446744073709551616 is out of range"));
  }

  @Test
  void otherValueTypesAreRefusedWithTheFieldNamed() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("phone", null);
    String expected = "phone: a criteria value must be a string or an integer";
    assertThat(CriteriaObject.toCriteria(withNull)).isEqualTo(Either.left(expected));
    assertThat(CriteriaObject.toCriteria(Map.of("phone", true))).isEqualTo(Either.left(expected));
    assertThat(CriteriaObject.toCriteria(Map.of("phone", 1.5))).isEqualTo(Either.left(expected));
    assertThat(CriteriaObject.toCriteria(Map.of("phone", List.of("a"))))
        .isEqualTo(Either.left(expected));
    assertThat(CriteriaObject.toCriteria(Map.of("phone", Map.of("a", 1))))
        .isEqualTo(Either.left(expected));
  }

  @Test
  void aKeyThatCannotBeAnAttributeIsAnUnknownAttribute() {
    assertThat(CriteriaObject.toCriteria(Map.of("no such field", 1)))
        .isEqualTo(Either.left("no such field: Unknown attribute"));
    assertThat(CriteriaObject.toCriteria(Map.of("", 1)))
        .isEqualTo(Either.left(": Unknown attribute"));
  }

  @Test
  void anAttributeTheClassLacksIsAnUnknownAttribute() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("name", "Demo");
    object.put("no_such_field", "x");
    assertThat(CriteriaObject.toQuery(DirectoryClass.ORGANIZATION, object))
        .isEqualTo(Either.left("no_such_field: Unknown attribute"));
  }

  @Test
  void aValidObjectBecomesACheckedQuery() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("email", "a@b");
    object.put("org_id", 3);
    assertThat(CriteriaObject.toQuery(DirectoryClass.PERSON, object))
        .isEqualTo(
            Either.right(
                new ObjectQuery(
                    DirectoryClass.PERSON,
                    new And(
                        List.of(eq("email", Literal.of("a@b")), eq("org_id", Literal.of(3)))))));
  }
}
