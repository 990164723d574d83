package dev.tokensmith.adapter.itop.oql;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OqlParseTest {

  static Criteria where(String oql) {
    Either<OqlSyntaxError, ObjectQuery> parsed = Oql.parse(oql);
    assertThat(parsed.isRight()).as("%s parses, got %s", oql, parsed).isTrue();
    return parsed.get().criteria();
  }

  static OqlSyntaxError error(String oql) {
    Either<OqlSyntaxError, ObjectQuery> parsed = Oql.parse(oql);
    assertThat(parsed.isLeft()).as("%s is refused, got %s", oql, parsed).isTrue();
    return parsed.getLeft();
  }

  static OqlSyntaxError.Malformed malformed(String oql) {
    OqlSyntaxError error = error(oql);
    assertThat(error).isInstanceOf(OqlSyntaxError.Malformed.class);
    return (OqlSyntaxError.Malformed) error;
  }

  static Criteria cmp(String attribute, ComparisonOperator operator, Literal value) {
    return new Comparison(attribute, operator, value);
  }

  static Criteria eq(String attribute, String value) {
    return cmp(attribute, ComparisonOperator.EQUAL, Literal.of(value));
  }

  static Criteria eq(String attribute, long value) {
    return cmp(attribute, ComparisonOperator.EQUAL, Literal.of(value));
  }

  @Nested
  class Queries {
    @Test
    void theUserGuideExampleWithAnEmptyPatternParses() {
      assertThat(Oql.parse("SELECT Person WHERE email LIKE ''"))
          .isEqualTo(
              Either.right(new ObjectQuery(DirectoryClass.PERSON, new Like("email", "", false))));
    }

    @Test
    void theReferenceExampleParses() {
      assertThat(where("SELECT Person WHERE email LIKE '%@demo.com'"))
          .isEqualTo(new Like("email", "%@demo.com", false));
    }

    @Test
    void aQueryWithoutWhereSelectsEveryObjectOfEachClass() {
      for (DirectoryClass directoryClass : DirectoryClass.values()) {
        assertThat(Oql.parse("SELECT " + directoryClass.className()))
            .isEqualTo(Either.right(ObjectQuery.all(directoryClass)));
      }
    }

    @Test
    void keywordsAreCaseInsensitive() {
      Criteria expected =
          new And(
              List.of(
                  new Like("email", "%x", true),
                  new Or(List.of(new In("id", List.of(Literal.of(1)), true), eq("name", "a")))));
      for (String oql :
          List.of(
              "SELECT Person WHERE email NOT LIKE '%x' AND (id NOT IN (1) OR name = 'a')",
              "select Person where email not like '%x' and (id not in (1) or name = 'a')",
              "SeLeCt Person WhErE email NoT LiKe '%x' AnD (id nOt In (1) oR name = 'a')")) {
        assertThat(where(oql)).as(oql).isEqualTo(expected);
      }
    }

    @Test
    void whitespaceOfAnyKindSeparatesTokensAndMayBeLeftOut() {
      assertThat(where("\n\tSELECT\r\nUser\fWHERE\tlogin='admin'AND(id>=1)  \n"))
          .isEqualTo(
              new And(
                  List.of(
                      eq("login", "admin"),
                      cmp("id", ComparisonOperator.GREATER_OR_EQUAL, Literal.of(1)))));
    }

    @Test
    void anAliasMayQualifyAttributesOrBeLeftOut() {
      assertThat(where("SELECT Person AS p WHERE p.email = 'a' AND name = 'b'"))
          .isEqualTo(new And(List.of(eq("email", "a"), eq("name", "b"))));
    }

    @Test
    void withoutAnAliasTheClassNameQualifiesAttributes() {
      assertThat(where("SELECT Organization WHERE Organization.name = 'Demo'"))
          .isEqualTo(eq("name", "Demo"));
    }

    @Test
    void backQuotedNamesAreNamesEvenWhenTheyAreKeywords() {
      assertThat(where("SELECT `Person` AS `where` WHERE `where`.`email` = 'a'"))
          .isEqualTo(eq("email", "a"));
    }
  }

  @Nested
  class Operators {
    @ParameterizedTest
    @CsvSource({
      "=, EQUAL",
      "!=, NOT_EQUAL",
      "<, LESS",
      ">, GREATER",
      "<=, LESS_OR_EQUAL",
      ">=, GREATER_OR_EQUAL"
    })
    void everyComparisonOperatorTakesAStringOrAnInteger(String symbol, ComparisonOperator op) {
      assertThat(where("SELECT Person WHERE name " + symbol + " 'x'"))
          .isEqualTo(cmp("name", op, Literal.of("x")));
      assertThat(where("SELECT Person WHERE org_id " + symbol + " 42"))
          .isEqualTo(cmp("org_id", op, Literal.of(42)));
      assertThat(where("SELECT Person WHERE org_id" + symbol + "-7"))
          .isEqualTo(cmp("org_id", op, Literal.of(-7)));
    }

    @Test
    void likeAndNotLikeKeepTheRawPattern() {
      assertThat(where("SELECT Person WHERE name LIKE 'Jo_n%'"))
          .isEqualTo(new Like("name", "Jo_n%", false));
      assertThat(where("SELECT Person WHERE name NOT LIKE '%son'"))
          .isEqualTo(new Like("name", "%son", true));
    }

    @Test
    void inAndNotInTakeOneOrMoreValuesOfEitherKind() {
      assertThat(where("SELECT User WHERE id IN (1, '2',3)"))
          .isEqualTo(new In("id", List.of(Literal.of(1), Literal.of("2"), Literal.of(3)), false));
      assertThat(where("SELECT User WHERE status NOT IN ('disabled')"))
          .isEqualTo(new In("status", List.of(Literal.of("disabled")), true));
    }

    @Test
    void integersCoverTheWholeSixtyFourBitRange() {
      assertThat(where("SELECT Person WHERE id = -9223372036854775808"))
          .isEqualTo(eq("id", Long.MIN_VALUE));
      assertThat(where("SELECT Person WHERE id = 9223372036854775807"))
          .isEqualTo(eq("id", Long.MAX_VALUE));
      assertThat(where("SELECT Person WHERE id = 007")).isEqualTo(eq("id", 7));
    }
  }

  @Nested
  class PrecedenceAndParentheses {
    final Criteria a = eq("name", "a");
    final Criteria b = eq("name", "b");
    final Criteria c = eq("name", "c");

    @Test
    void andBindsTighterThanOr() {
      assertThat(where("SELECT Person WHERE name = 'a' OR name = 'b' AND name = 'c'"))
          .isEqualTo(new Or(List.of(a, new And(List.of(b, c)))));
      assertThat(where("SELECT Person WHERE name = 'a' AND name = 'b' OR name = 'c'"))
          .isEqualTo(new Or(List.of(new And(List.of(a, b)), c)));
    }

    @Test
    void parenthesesOverridePrecedence() {
      assertThat(where("SELECT Person WHERE (name = 'a' OR name = 'b') AND name = 'c'"))
          .isEqualTo(new And(List.of(new Or(List.of(a, b)), c)));
    }

    @Test
    void redundantParenthesesChangeNothing() {
      Criteria flat = new And(List.of(a, b, c));
      assertThat(where("SELECT Person WHERE ((name = 'a')) AND (name = 'b' AND (name = 'c'))"))
          .isEqualTo(flat);
      assertThat(where("SELECT Person WHERE (name = 'a' AND name = 'b') AND name = 'c'"))
          .isEqualTo(flat);
    }

    @Test
    void parenthesesNestUpToTheLimit() {
      int depth = OqlParser.MAX_NESTING;
      String nested = "(".repeat(depth) + "name = 'a'" + ")".repeat(depth);
      assertThat(where("SELECT Person WHERE " + nested)).isEqualTo(a);
      String tooDeep = "(".repeat(depth + 1) + "name = 'a'" + ")".repeat(depth + 1);
      assertThat(malformed("SELECT Person WHERE " + tooDeep).message())
          .isEqualTo("parentheses are nested more than 64 deep");
    }

    @Test
    void aMillionOpeningParenthesesGiveAnErrorNotAStackOverflow() {
      assertThat(malformed("SELECT Person WHERE " + "(".repeat(1_000_000)).position())
          .isEqualTo(20 + OqlParser.MAX_NESTING);
    }
  }

  @Nested
  class Strings {
    @Test
    void aBackslashEscapesEitherQuoteAndItself() {
      assertThat(where("SELECT Person WHERE name = 'O\\'Brien'")).isEqualTo(eq("name", "O'Brien"));
      assertThat(where("SELECT Person WHERE name = 'a\\\\b'")).isEqualTo(eq("name", "a\\b"));
      assertThat(where("SELECT Person WHERE name = \"say \\\"hi\\\"\""))
          .isEqualTo(eq("name", "say \"hi\""));
      assertThat(where("SELECT Person WHERE name = '\\\"'")).isEqualTo(eq("name", "\""));
    }

    @Test
    void aDoubledDelimiterIsOneQuote() {
      assertThat(where("SELECT Person WHERE name = 'O''Brien'")).isEqualTo(eq("name", "O'Brien"));
      assertThat(where("SELECT Person WHERE name = \"a\"\"b\"")).isEqualTo(eq("name", "a\"b"));
      assertThat(where("SELECT Person WHERE name = ''''")).isEqualTo(eq("name", "'"));
    }

    @Test
    void theOtherQuoteNeedsNoEscape() {
      assertThat(where("SELECT Person WHERE name = \"it's\"")).isEqualTo(eq("name", "it's"));
      assertThat(where("SELECT Person WHERE name = 'say \"hi\"'"))
          .isEqualTo(eq("name", "say \"hi\""));
    }

    @Test
    void otherBackslashesAreKeptSoLikeEscapesSurvive() {
      assertThat(where("SELECT Person WHERE name LIKE '50\\%'"))
          .isEqualTo(new Like("name", "50\\%", false));
      assertThat(where("SELECT Person WHERE name = 'a\\nb'")).isEqualTo(eq("name", "a\\nb"));
    }

    @Test
    void stringsMayHoldAnyCharacter() {
      assertThat(where("SELECT Person WHERE name = 'Zoë 日本 😀 \n\t\u0000'"))
          .isEqualTo(eq("name", "Zoë 日本 😀 \n\t\u0000"));
      assertThat(where("SELECT Person WHERE name = ''")).isEqualTo(eq("name", ""));
      assertThat(where("SELECT Person WHERE name = \"\"")).isEqualTo(eq("name", ""));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT Person WHERE name = 'abc",
          "SELECT Person WHERE name = 'abc\\'",
          "SELECT Person WHERE name = 'abc\\",
          "SELECT Person WHERE name = 'abc''",
          "SELECT Person WHERE name = \"abc",
          "SELECT Person WHERE name = '"
        })
    void anUnterminatedStringIsReportedWhereItStarts(String oql) {
      OqlSyntaxError error = malformed(oql);
      assertThat(error.position()).isEqualTo(27);
      assertThat(error.message()).endsWith("is not closed before the end");
    }
  }

  @Nested
  class UnknownNames {
    @Test
    void anUnknownClassIsNamedInITopWords() {
      assertThat(error("SELECT NoSuchClass"))
          .isEqualTo(new OqlSyntaxError.UnknownClass(7, "NoSuchClass"));
      assertThat(error("SELECT NoSuchClass WHERE name = 'x'").message())
          .isEqualTo("class: 'NoSuchClass' is not a valid class'");
    }

    @Test
    void classNamesAreCaseSensitive() {
      assertThat(error("select person")).isEqualTo(new OqlSyntaxError.UnknownClass(7, "person"));
    }

    @Test
    void anUnknownAttributeIsNamedInITopWordsWithItsPosition() {
      OqlSyntaxError error = error("SELECT Person WHERE name = 'a' OR no_such_field = 1");
      assertThat(error)
          .isEqualTo(
              new OqlSyntaxError.UnknownAttribute(34, DirectoryClass.PERSON, "no_such_field"));
      assertThat(error.message()).isEqualTo("no_such_field: Unknown attribute");
    }

    @Test
    void attributesAreCheckedAgainstTheSelectedClassAndTheirCase() {
      assertThat(error("SELECT Organization WHERE email = 'a'").message())
          .isEqualTo("email: Unknown attribute");
      assertThat(error("SELECT Person AS p WHERE p.Email = 'a'"))
          .isEqualTo(new OqlSyntaxError.UnknownAttribute(27, DirectoryClass.PERSON, "Email"));
    }

    @Test
    void aSyntaxErrorWinsOverAnUnknownClassOrAttribute() {
      assertThat(error("SELECT NoSuchClass WHERE (")).isInstanceOf(OqlSyntaxError.Malformed.class);
      assertThat(error("SELECT Person WHERE nope = 1 AND"))
          .isInstanceOf(OqlSyntaxError.Malformed.class);
    }

    @Test
    void anUnknownClassWinsOverAnUnknownAttribute() {
      assertThat(error("SELECT Nope WHERE nope = 1"))
          .isEqualTo(new OqlSyntaxError.UnknownClass(7, "Nope"));
    }

    @Test
    void aQualifierOtherThanTheAliasIsRefused() {
      OqlSyntaxError error = malformed("SELECT Person AS p WHERE Person.email = 'a'");
      assertThat(error.position()).isEqualTo(25);
      assertThat(error.message())
          .isEqualTo("unknown alias 'Person'; this query names its class 'p'");
    }
  }

  @Nested
  class Malformed {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "\"\"|0|the query is empty; it starts with SELECT",
          "\"   \"|3|the query is empty; it starts with SELECT",
          "Person|0|expected a query starting with SELECT, found 'Person'",
          "SELECT|6|expected a class name after SELECT, found the end of the query",
          "SELECT WHERE|7|expected a class name after SELECT, found 'WHERE'",
          "SELECT Person garbage|14|expected WHERE or the end of the query, found 'garbage'",
          "SELECT Person WHERE|19|expected an attribute name, found the end of the query",
          "SELECT Person WHERE id = 1 garbage|27|expected AND, OR or the end of the query, found 'garbage'",
          "SELECT Person WHERE id = 1 'x'|27|expected AND, OR or the end of the query, found the string 'x'",
          "SELECT Person WHERE id = 1)|26|')' closes no '('",
          "SELECT Person WHERE (id = 1|27|expected AND, OR or ')' to close the '(' at position 21, found the end of the query",
          "SELECT Person WHERE id = 1 AND|30|expected an attribute name, found the end of the query",
          "SELECT Person WHERE id|22|expected an operator (= != < > <= >= LIKE NOT LIKE IN NOT IN) after id, found the end of the query",
          "SELECT Person WHERE id =|24|expected a value after = (a quoted string or an integer), found the end of the query",
          "SELECT Person WHERE id = name|25|expected a value after = (a quoted string or an integer), found 'name'",
          "SELECT Person WHERE 1 = id|20|expected an attribute name, found the integer 1",
          "SELECT Person WHERE name LIKE 3|30|expected a quoted pattern after LIKE, found the integer 3",
          "SELECT Person WHERE name NOT = 'a'|29|expected LIKE or IN after NOT, found '='",
          "SELECT Person WHERE id IN ()|27|expected a value in the list (a quoted string or an integer), found ')'",
          "SELECT Person WHERE id IN 1|26|expected '(' to open the list of values, found the integer 1",
          "SELECT Person WHERE id IN (1 2)|29|expected ',' or ')' in the list of values, found the integer 2",
          "SELECT Person WHERE id IN (1,)|29|expected a value after ',' (a quoted string or an integer), found ')'",
          "SELECT Person WHERE id <> 1|23|'<>' is not an OQL operator; write !=",
          "SELECT Person WHERE id ! 1|23|unexpected character '!'; the operator is !=",
          "SELECT Person WHERE id = 1.5|25|decimal numbers are not supported, only integers",
          "SELECT Person WHERE id = 99999999999999999999|25|the integer '99999999999999999999' is out of range (64-bit)",
          "SELECT Person WHERE id = :id|25|unexpected character ':'",
          "SELECT Person WHERE id = 1;|26|unexpected character ';'",
          "SELECT Person WHERE nàme = 1|21|unexpected character 'à'",
          "SELECT Person WHERE `na me` = 1|20|the quoted name 'na me' is not a name: a letter or _ followed by letters, digits or _",
          "SELECT Person WHERE `name = 1|20|the name that starts with ` is not closed before the end",
          "SELECT Person AS WHERE id = 1|17|expected an alias after AS, found 'WHERE'",
          "SELECT p FROM Person AS p|9|SELECT … FROM is not supported; write SELECT <Class> [AS alias] WHERE …",
          "SELECT Person JOIN Organization|14|JOIN is not supported",
          "SELECT Person, Organization|13|a query selects exactly one class",
          "SELECT Person WHERE Person.|27|expected an attribute name after Person., found the end of the query",
          "SELECT Person WHERE NOT name = 'a'|20|expected an attribute name, found 'NOT'"
        })
    void malformedQueriesSayWhatWasExpectedAndWhere(String oql, int position, String message) {
      OqlSyntaxError error = malformed(oql);
      assertThat(error.message()).isEqualTo(message);
      assertThat(error.position()).isEqualTo(position);
    }

    @Test
    void nullIsRefused() {
      assertThat(Oql.parse(null))
          .isEqualTo(Either.left(new OqlSyntaxError.Malformed(0, "no query was given")));
    }

    @Test
    void invisibleCharactersAreShownByTheirCodePoint() {
      assertThat(malformed("SELECT Person WHERE id = 1\u0007").message())
          .isEqualTo("unexpected character 'U+0007'");
      assertThat(malformed("SELECT Person WHERE id = 1 \uD800").message())
          .isEqualTo("unexpected character 'U+D800'");
      assertThat(malformed("SELECT Person WHERE id = 1 😀").message())
          .isEqualTo("unexpected character '😀'");
    }

    @Test
    void longTokensAreCutInMessages() {
      String word = "x".repeat(100);
      assertThat(malformed("SELECT Person " + word).message())
          .isEqualTo("expected WHERE or the end of the query, found '" + "x".repeat(40) + "…'");
    }
  }
}
