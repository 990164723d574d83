package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.DirectoryConflict;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What the directory contract does not say but the SQL translation must get right: values only ever
 * as parameters, every kind of criteria translated, index plans, races on organization names.
 */
class DirectoryPostgresTest {
  private static final String HOSTILE = "x' OR '1'='1'; DROP TABLE persons; --";

  private final PostgresAdapters adapters = TestDatabase.adapters();

  /** One instance of each kind of criteria, each holding a hostile text. */
  private static final Map<Class<?>, Criteria> EXAMPLES =
      Map.of(
          Criteria.All.class, Criteria.all(),
          Criteria.Comparison.class,
              new Criteria.Comparison("email", ComparisonOperator.LESS, Literal.of(HOSTILE)),
          Criteria.Like.class, new Criteria.Like("friendlyname", HOSTILE, true),
          Criteria.In.class,
              new Criteria.In("org_name", List.of(Literal.of(HOSTILE), Literal.of(3)), false),
          Criteria.And.class,
              new Criteria.And(
                  List.of(
                      new Criteria.Comparison(
                          "name", ComparisonOperator.EQUAL, Literal.of(HOSTILE)),
                      new Criteria.Like("phone", HOSTILE, false))),
          Criteria.Or.class,
              new Criteria.Or(
                  List.of(
                      new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(HOSTILE)),
                      new Criteria.In("org_id", List.of(Literal.of("7")), true))));

  @Test
  void everyKindOfCriteriaIsTranslatedWithItsValuesAsParametersOnly() {
    Organization organization = ContractFixtures.organization(adapters.accounts());
    adapters
        .directory()
        .createPerson(new NewPerson("Ada", "Lovelace", "a@b.c", Option.none(), organization));
    assertThat(EXAMPLES.keySet())
        .containsExactlyInAnyOrder(Criteria.class.getPermittedSubclasses());
    EXAMPLES.forEach(
        (kind, criteria) -> {
          DirectorySql.Condition find =
              DirectorySql.find(new ObjectQuery(DirectoryClass.PERSON, criteria), 10, 0);
          assertThat(find.sql()).as(kind.getSimpleName()).doesNotContain("OR '1'", "DROP");
          assertThat(find.parameters()).containsEntry("c" + (find.parameters().size() - 2), 10);
          // the statement runs: the hostile text is data
          adapters.directory().find(new ObjectQuery(DirectoryClass.PERSON, criteria), 10, 0);
        });
    assertThat(adapters.directory().count(ObjectQuery.all(DirectoryClass.PERSON))).isPositive();
  }

  @Test
  void aHostileTextIsComparedLikeAnyOther() {
    Organization organization = ContractFixtures.organization(adapters.accounts());
    DirectoryRecord hostile =
        adapters
            .directory()
            .createPerson(
                new NewPerson(HOSTILE, "Name", "a@b.c", Option.some(HOSTILE), organization));
    Criteria inOrganization =
        new Criteria.Comparison(
            "org_id", ComparisonOperator.EQUAL, Literal.of(organization.id().value()));
    assertThat(
            adapters
                .directory()
                .find(
                    new ObjectQuery(
                        DirectoryClass.PERSON,
                        new Criteria.And(
                            List.of(
                                inOrganization,
                                new Criteria.Comparison(
                                    "first_name",
                                    ComparisonOperator.EQUAL,
                                    Literal.of(HOSTILE.toUpperCase()))))),
                    10,
                    0))
        .containsExactly(hostile);
  }

  @Test
  void onlyTheAttributesOfTheClassHaveAnExpression() {
    for (DirectoryClass directoryClass : DirectoryClass.values()) {
      assertThat(DirectorySql.table(directoryClass).attributes().keySet())
          .containsExactlyInAnyOrderElementsOf(directoryClass.attributeCodes());
    }
    Criteria personsOnly =
        new Criteria.Comparison("first_name", ComparisonOperator.EQUAL, Literal.of("x"));
    assertThatThrownBy(
            () -> DirectorySql.find(new ObjectQuery(DirectoryClass.USER, personsOnly), 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("first_name: Unknown attribute");
  }

  @Test
  void theDirectorysLookupsAndChecksUseAnIndex() {
    Map<String, Map<String, Object>> queries = new LinkedHashMap<>();
    queries.put(DirectorySql.USERS_WITH_CONTACT, Map.of("id", 1L));
    queries.put(DirectorySql.DEPENDENTS_OF_ORGANIZATION, Map.of("id", 1L));
    queries.put(DirectorySql.ORGANIZATION_NAMED, Map.of("name", "x"));
    queries.put(DirectorySql.LOCK_PERSON, Map.of("id", 1L));
    queries.put(DirectorySql.LOCK_ORGANIZATION, Map.of("id", 1L));
    for (DirectorySql.Condition condition :
        List.of(
            find(DirectoryClass.PERSON, "email", ComparisonOperator.EQUAL, Literal.of("a@b.c")),
            find(DirectoryClass.PERSON, "org_id", ComparisonOperator.EQUAL, Literal.of(1)),
            find(DirectoryClass.PERSON, "id", ComparisonOperator.EQUAL, Literal.of(1)),
            find(DirectoryClass.ORGANIZATION, "name", ComparisonOperator.EQUAL, Literal.of("x")),
            find(DirectoryClass.USER, "contactid", ComparisonOperator.EQUAL, Literal.of(1)),
            find(DirectoryClass.USER, "org_id", ComparisonOperator.EQUAL, Literal.of(1)))) {
      queries.put(condition.sql(), condition.parameters());
    }
    adapters
        .jdbi()
        .useTransaction(
            handle -> {
              handle.execute("SET LOCAL enable_seqscan = off");
              queries.forEach(
                  (sql, parameters) -> {
                    var explain = handle.createQuery("EXPLAIN " + sql);
                    parameters.forEach(explain::bind);
                    String plan = String.join("\n", explain.mapTo(String.class).list());
                    assertThat(plan).as(sql).doesNotContain("Seq Scan");
                  });
            });
  }

  @Test
  void personsAreFoundByFoldedEmailAndByOrganizationThroughTheirIndexes() {
    Map<String, DirectorySql.Condition> byIndex =
        Map.of(
            "persons_email_folded_idx",
            DirectorySql.count(
                new ObjectQuery(
                    DirectoryClass.PERSON,
                    new Criteria.Comparison(
                        "email", ComparisonOperator.EQUAL, Literal.of("Ada@Demo.com")))),
            "persons_organization_idx",
            DirectorySql.count(
                new ObjectQuery(
                    DirectoryClass.PERSON,
                    new Criteria.Comparison("org_id", ComparisonOperator.EQUAL, Literal.of(1)))));
    adapters
        .jdbi()
        .useTransaction(
            handle -> {
              handle.execute("SET LOCAL enable_seqscan = off");
              byIndex.forEach(
                  (index, count) -> {
                    var explain = handle.createQuery("EXPLAIN " + count.sql());
                    count.parameters().forEach(explain::bind);
                    assertThat(String.join("\n", explain.mapTo(String.class).list()))
                        .contains(index);
                  });
            });
  }

  /**
   * V13's index matches the export order's expression, so an export of every person (and the
   * reconciliation of an import, a thousand keys at a time through the folded name's index) need
   * not sort: should either expression change, this fails.
   */
  @Test
  void everyPersonIsExportedInOrderFromTheExportOrderIndexAndImportKeysUseTheirIndex() {
    DirectorySql.Condition all = DirectorySql.export(ObjectQuery.all(DirectoryClass.PERSON));
    DirectorySql.Condition keys =
        DirectorySql.export(
            new ObjectQuery(
                DirectoryClass.PERSON,
                new Criteria.In(
                    "name", List.of(Literal.of("Lovelace"), Literal.of("Turing")), false)));
    adapters
        .jdbi()
        .useTransaction(
            handle -> {
              handle.execute("SET LOCAL enable_sort = off");
              handle.execute("SET LOCAL enable_seqscan = off");
              var explain = handle.createQuery("EXPLAIN " + all.sql());
              all.parameters().forEach(explain::bind);
              assertThat(String.join("\n", explain.mapTo(String.class).list()))
                  .contains("persons_export_order_idx")
                  .doesNotContain("Sort");
              handle.execute("SET LOCAL enable_sort = on");
              var explainKeys = handle.createQuery("EXPLAIN " + keys.sql());
              keys.parameters().forEach(explainKeys::bind);
              assertThat(String.join("\n", explainKeys.mapTo(String.class).list()))
                  .contains("persons_name_folded_idx");
            });
  }

  @Test
  void concurrentRenamesToOneNameGiveOneOrganizationItAndTheOtherAConflict() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        DirectoryRecord first =
            adapters.directory().createOrganization(ContractFixtures.unique("First ")).get();
        DirectoryRecord second =
            adapters.directory().createOrganization(ContractFixtures.unique("Second ")).get();
        String name = ContractFixtures.unique("Wanted ");
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<Either<DirectoryConflict, Option<DirectoryRecord>>>> renames =
            new ArrayList<>();
        for (DirectoryRecord organization : List.of(first, second)) {
          renames.add(
              () -> {
                start.await();
                return adapters.directory().updateOrganization(organization.id(), name);
              });
        }
        List<Either<DirectoryConflict, Option<DirectoryRecord>>> outcomes = new ArrayList<>();
        for (Future<Either<DirectoryConflict, Option<DirectoryRecord>>> outcome :
            pool.invokeAll(renames)) {
          outcomes.add(outcome.get());
        }
        assertThat(outcomes.stream().filter(Either::isRight)).hasSize(1);
        assertThat(outcomes.stream().filter(Either::isLeft))
            .containsExactly(
                Either.left(new DirectoryConflict(DirectoryClass.ORGANIZATION, "name", name)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentCreationsOfOneNameGiveOneOrganizationAndOneConflict() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String name = ContractFixtures.unique("Raced ");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Either<DirectoryConflict, DirectoryRecord>> create =
            () -> {
              start.await();
              return adapters.directory().createOrganization(name);
            };
        List<Either<DirectoryConflict, DirectoryRecord>> outcomes = new ArrayList<>();
        for (Future<Either<DirectoryConflict, DirectoryRecord>> outcome :
            pool.invokeAll(List.of(create, create))) {
          outcomes.add(outcome.get());
        }
        assertThat(outcomes.stream().filter(Either::isRight)).hasSize(1);
        assertThat(outcomes.stream().filter(Either::isLeft)).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static DirectorySql.Condition find(
      DirectoryClass directoryClass,
      String attribute,
      ComparisonOperator operator,
      Literal literal) {
    return DirectorySql.find(
        new ObjectQuery(directoryClass, new Criteria.Comparison(attribute, operator, literal)),
        10,
        0);
  }
}
