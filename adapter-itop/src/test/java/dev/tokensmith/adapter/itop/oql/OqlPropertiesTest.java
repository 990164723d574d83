package dev.tokensmith.adapter.itop.oql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class OqlPropertiesTest {

  @Provide
  Arbitrary<ObjectQuery> queries() {
    return Arbitraries.of(DirectoryClass.class)
        .flatMap(
            directoryClass ->
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Criteria.all())),
                        net.jqwik.api.Tuple.of(9, criteria(directoryClass, 4)))
                    .map(criteria -> new ObjectQuery(directoryClass, criteria)));
  }

  private Arbitrary<Criteria> criteria(DirectoryClass directoryClass, int depth) {
    Arbitrary<Criteria> leaf = leaf(directoryClass);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<List<Criteria>> operands =
        Arbitraries.lazy(() -> criteria(directoryClass, depth - 1))
            .list()
            .ofMinSize(2)
            .ofMaxSize(4);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(1, operands.map(Criteria.And::new)),
        net.jqwik.api.Tuple.of(1, operands.map(Criteria.Or::new)));
  }

  private Arbitrary<Criteria> leaf(DirectoryClass directoryClass) {
    Arbitrary<String> attribute = Arbitraries.of(directoryClass.attributeCodes());
    Arbitrary<Criteria> comparison =
        Combinators.combine(attribute, Arbitraries.of(ComparisonOperator.class), literals())
            .as(Criteria.Comparison::new);
    Arbitrary<Criteria> like =
        Combinators.combine(attribute, texts(), Arbitraries.of(true, false)).as(Criteria.Like::new);
    Arbitrary<Criteria> in =
        Combinators.combine(
                attribute, literals().list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(true, false))
            .as(Criteria.In::new);
    return Arbitraries.oneOf(comparison, like, in);
  }

  private Arbitrary<Literal> literals() {
    return Arbitraries.oneOf(texts().map(Literal::of), Arbitraries.longs().map(Literal::of));
  }

  /** Any text, with the characters that need escaping made frequent. */
  private Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("'\"\\%_` a").ofMaxLength(12),
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.strings().all().ofMaxLength(20));
  }

  @Property(tries = 2000)
  void printedQueriesParseBackToAnEqualQuery(@ForAll("queries") ObjectQuery query) {
    String oql = Oql.toOql(query);
    assertThat(Oql.parse(oql)).as(oql).isEqualTo(Either.right(query));
  }

  @Property
  void arbitraryStringsGiveAQueryOrAnErrorAndNeverThrow(@ForAll String input) {
    assertWellBehaved(input);
  }

  @Property
  void arbitraryConditionsGiveAQueryOrAnErrorAndNeverThrow(@ForAll String condition) {
    assertWellBehaved("SELECT Person WHERE " + condition);
  }

  @Property(tries = 3000)
  void soupsOfOqlTokensGiveAQueryOrAnErrorAndNeverThrow(@ForAll("tokenSoups") String condition) {
    assertWellBehaved("SELECT Person WHERE " + condition);
    assertWellBehaved(condition);
  }

  @Property(tries = 50)
  void hugeInputsGiveAQueryOrAnErrorAndNeverThrow(
      @ForAll @StringLength(min = 10_000, max = 200_000) String input) {
    assertWellBehaved(input);
    assertWellBehaved("SELECT Person WHERE " + input);
  }

  @Provide
  Arbitrary<String> tokenSoups() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of(
                "SELECT",
                "Person",
                "User",
                "WHERE",
                "AND",
                "or",
                "NOT",
                "like",
                "IN",
                "AS",
                "p",
                "p.",
                ".",
                "name",
                "email",
                "id",
                "`id`",
                "`",
                "=",
                "!=",
                "<",
                ">",
                "<=",
                ">=",
                "<>",
                "!",
                "(",
                ")",
                ",",
                "'",
                "''",
                "\"",
                "\\",
                "-",
                "1",
                "-12",
                "1.5",
                "99999999999999999999",
                "'x'",
                "'%a\\'",
                "\"q\"\"\"",
                "\u0000",
                "é",
                "😀",
                "\uD800"),
            Arbitraries.strings().ofMaxLength(3));
    Arbitrary<String> separator = Arbitraries.of(" ", "", "\n", "  ");
    return Combinators.combine(token, separator)
        .as((t, s) -> t + s)
        .list()
        .ofMaxSize(25)
        .map(parts -> String.join("", parts));
  }

  private static void assertWellBehaved(String input) {
    Either<OqlSyntaxError, ObjectQuery> parsed = Oql.parse(input);
    assertThat(parsed).isNotNull();
    if (parsed.isLeft()) {
      OqlSyntaxError error = parsed.getLeft();
      assertThat(error.position()).isBetween(0, input.length());
      assertThat(error.message()).isNotBlank();
    } else {
      // whatever parses, prints to text that parses to the same query
      assertThat(Oql.parse(Oql.toOql(parsed.get()))).isEqualTo(parsed);
    }
  }
}
