package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemorySynchroStore;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.LoadReplicasCommand;
import dev.tokensmith.application.port.in.LoadReport;
import dev.tokensmith.application.port.in.SynchroOutcome;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.ObjectQuery;
import dev.tokensmith.domain.synchro.ReplicaStatus;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroStatistics;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The synchronization rules on the in-memory directory, one rule at a time. */
class SynchroServiceTest {
  private final InMemoryTokensmith world = new InMemoryTokensmith();
  private final InMemorySynchroStore store = new InMemorySynchroStore(world.directory);
  private final SynchroService service =
      new SynchroService(store, world.core.directory, world.clock);
  private final User admin = world.user("admin", Profile.ADMINISTRATOR);
  private final String org = world.organization.name();

  private static final List<String> COLUMNS =
      List.of("primary_key", "first_name", "name", "email", "phone", "org_id");

  private SynchroDataSource source(Map<String, String> more) {
    Map<String, String> fields = new HashMap<>();
    fields.put("name", "HR " + more.hashCode());
    fields.put("scope_class", "Person");
    fields.put("full_load_periodicity", "3600");
    fields.putAll(more);
    SynchroDataSource created = service.create(admin, fields, Option.none()).get();
    // org_id found by the organization's name
    long orgAttribute =
        created.attributes().stream()
            .filter(attribute -> attribute.attcode().equals("org_id"))
            .findFirst()
            .get()
            .id();
    return service
        .updateAttribute(admin, orgAttribute, Map.of("reconciliation_attcode", "name"))
        .get();
  }

  private static List<Option<String>> row(String... cells) {
    List<Option<String>> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(cell == null ? Option.none() : Option.some(cell));
    }
    return row;
  }

  private LoadReport load(SynchroDataSource source, List<List<Option<String>>> rows) {
    return service
        .load(admin, new LoadReplicasCommand(source.id(), COLUMNS, rows, false, true, false))
        .get();
  }

  private SynchroStatistics run(SynchroDataSource source) {
    SynchroOutcome outcome = service.synchronize(admin, source.id(), false).get();
    assertThat(outcome.error()).isEmpty();
    return outcome.statistics();
  }

  private List<DirectoryRecord> persons(String name) {
    return world
        .core
        .directory
        .find(
            admin,
            new ObjectQuery(
                DirectoryClass.PERSON,
                new Criteria.Comparison(
                    "name",
                    dev.tokensmith.domain.directory.ComparisonOperator.EQUAL,
                    dev.tokensmith.domain.directory.Literal.of(name))),
            100,
            0)
        .get();
  }

  @Test
  void onlyAdministratorsCreateOrChangeDataSources() {
    User manager = world.user("manager", Profile.DIRECTORY_MANAGER);
    Either<UseCaseFailure, SynchroDataSource> refused =
        service.create(manager, Map.of("name", "x", "scope_class", "Person"), Option.none());
    assertThat(refused.getLeft()).isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(refused.getLeft().message()).endsWith("data of class SynchroDataSource");
  }

  @Test
  void aSourceIsSeenAndRunOnlyByAdministratorsAndItsUser() {
    User collector = world.user("collector", Profile.DIRECTORY_MANAGER);
    User other = world.user("other", Profile.DIRECTORY_MANAGER);
    SynchroDataSource source = source(Map.of("user_id", Long.toString(collector.id().value())));

    assertThat(service.dataSources(collector).get()).containsExactly(source);
    assertThat(service.dataSources(other).get()).isEmpty();
    LoadReplicasCommand command =
        new LoadReplicasCommand(
            source.id(),
            COLUMNS,
            List.of(row("c1", "Ada", "Lovelace", "ada@example.com", null, org)),
            false,
            false,
            true);
    assertThat(service.load(other, command).getLeft().message())
        .isEqualTo(SynchroService.NOT_ALLOWED);
    assertThat(
            service.load(collector, command).get().synchronization().get().statistics().created())
        .isEqualTo(1);
  }

  @Test
  void unknownFieldsAndValuesAreRefusedByName() {
    Map<String, String> fields = new HashMap<>(Map.of("name", "x", "scope_class", "Person"));
    fields.put("delete_policy", "erase");
    assertThat(service.create(admin, fields, Option.none()).getLeft().message())
        .startsWith("delete_policy: 'erase' is not one of the allowed values: ignore, delete");
    assertThat(
            service
                .create(
                    admin,
                    Map.of("name", "x", "scope_class", "Person", "colour", "red"),
                    Option.none())
                .getLeft()
                .message())
        .isEqualTo("colour: Unknown attribute");
    assertThat(
            service
                .create(admin, Map.of("name", "x", "scope_class", "User"), Option.none())
                .getLeft()
                .message())
        .startsWith("scope_class: 'User' cannot be synchronized");
  }

  @Test
  void severalMatchesAreAReconciliationErrorOrTheFirstOneAsTheSourceSays() {
    for (String email : new String[] {"twin1@example.com", "twin2@example.com"}) {
      world.core.directory.create(
          admin,
          DirectoryClass.PERSON,
          Map.of(
              "first_name",
              "Twin",
              "name",
              "Twin",
              "email",
              email,
              "org_id",
              world.organization.id().value()));
    }
    SynchroDataSource error = source(Map.of());
    long email =
        error.attributes().stream().filter(a -> a.attcode().equals("email")).findFirst().get().id();
    service.updateAttribute(admin, email, Map.of("reconcile", "0"));
    load(error, List.of(row("t", "Twin", "Twin", "twin3@example.com", null, org)));
    SynchroStatistics errors = run(error);
    assertThat(errors.reconciliationErrors()).isEqualTo(1);
    assertThat(store.replicas(error.id()).get(0).lastError())
        .startsWith("2 destination objects match the reconciliation criterias");

    SynchroDataSource first = source(Map.of("action_on_multiple", "take_first"));
    long firstEmail =
        first.attributes().stream().filter(a -> a.attcode().equals("email")).findFirst().get().id();
    service.updateAttribute(admin, firstEmail, Map.of("reconcile", "0"));
    load(first, List.of(row("t", "Twin", "Twin", "twin3@example.com", null, org)));
    assertThat(run(first).reconciledUpdated()).isEqualTo(1);
    assertThat(persons("Twin")).extracting(p -> p.field("email")).contains("twin3@example.com");
  }

  @Test
  void writeIfEmptyLeavesAValueTheObjectHas() {
    world.core.directory.create(
        admin,
        DirectoryClass.PERSON,
        Map.of(
            "first_name",
            "Grace",
            "name",
            "Hopper",
            "email",
            "grace@example.com",
            "phone",
            "111",
            "org_id",
            world.organization.id().value()));
    SynchroDataSource source = source(Map.of());
    long phone =
        source.attributes().stream()
            .filter(a -> a.attcode().equals("phone"))
            .findFirst()
            .get()
            .id();
    service.updateAttribute(admin, phone, Map.of("update_policy", "write_if_empty"));
    load(source, List.of(row("g", "Grace", "Hopper", "grace@example.com", "222", org)));
    SynchroStatistics statistics = run(source);
    assertThat(statistics.reconciledUnchanged()).isEqualTo(1);
    assertThat(persons("Hopper").get(0).field("phone")).isEqualTo("111");
  }

  @Test
  void usePrimaryKeyReconcilesOnTheObjectsId() {
    DirectoryRecord ada =
        world
            .core
            .directory
            .create(
                admin,
                DirectoryClass.PERSON,
                Map.of(
                    "first_name",
                    "Ada",
                    "name",
                    "Byron",
                    "email",
                    "ada.b@example.com",
                    "org_id",
                    world.organization.id().value()))
            .get();
    SynchroDataSource source = source(Map.of("reconciliation_policy", "use_primary_key"));
    load(
        source,
        List.of(row(Long.toString(ada.id()), "Ada", "Lovelace", "ada.b@example.com", null, org)));
    assertThat(run(source).reconciledUpdated()).isEqualTo(1);
    assertThat(persons("Lovelace")).extracting(DirectoryRecord::id).containsExactly(ada.id());
  }

  @Test
  void anOrganizationThatMatchesNothingIsAnErrorSaidOnTheReplica() {
    SynchroDataSource source = source(Map.of());
    load(source, List.of(row("x", "No", "Org", "no.org@example.com", null, "Nowhere Ltd")));
    SynchroStatistics statistics = run(source);
    // org_id is a reconciliation key by default: the replica cannot be reconciled
    assertThat(statistics.reconciliationErrors()).isEqualTo(1);
    assertThat(statistics.errorCount()).isEqualTo(1);
    assertThat(store.replicas(source.id()).get(0).status()).isEqualTo(ReplicaStatus.NEW);
    assertThat(store.replicas(source.id()).get(0).lastError())
        .isEqualTo("Could not find [unique] object for 'org_id': searched on name = 'Nowhere Ltd'");

    // when it is not, the object cannot be created without its organization
    long orgId =
        source.attributes().stream()
            .filter(a -> a.attcode().equals("org_id"))
            .findFirst()
            .get()
            .id();
    service.updateAttribute(admin, orgId, Map.of("reconcile", "0"));
    SynchroStatistics again = run(source);
    assertThat(again.creationErrors()).isEqualTo(1);
    assertThat(store.replicas(source.id()).get(0).lastError()).contains("org_id");
  }

  @Test
  void aRunThatWouldDeleteEveryOneOfMoreThanTenObjectsStopsAndDeletesNothing() {
    SynchroDataSource source = source(Map.of("delete_policy", "delete"));
    List<List<Option<String>>> rows = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      rows.add(row("k" + i, "Many", "Many" + i, "many" + i + "@example.com", null, org));
    }
    load(source, rows);
    assertThat(run(source).created()).isEqualTo(11);
    world.clock.advance(Duration.ofHours(2));
    SynchroOutcome stopped = service.synchronize(admin, source.id(), false).get();
    assertThat(stopped.error()).contains(Synchronization.ALL_UNTOUCHED);
    assertThat(stopped.statistics().deleted()).isZero();
    assertThat(store.replicas(source.id())).hasSize(11);
  }

  @Test
  void anObsoleteSourceDoesNotRun() {
    SynchroDataSource source = source(Map.of("status", "obsolete"));
    assertThat(service.synchronize(admin, source.id(), false).get().error())
        .contains("The data source is marked as obsolete. Operation cancelled.");
    assertThat(service.synchronize(admin, 999_999, false).getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
  }

  @Test
  void aLoadThatStopsOnARowInErrorLoadsNothingAndASimulatedOneNothingEither() {
    SynchroDataSource source = source(Map.of());
    List<List<Option<String>>> rows =
        List.of(
            row("a", "A", "A", "a@example.com", null, org),
            row(null, "B", "B", "b@example.com", null, org));
    Either<UseCaseFailure, LoadReport> stopped =
        service.load(
            admin, new LoadReplicasCommand(source.id(), COLUMNS, rows, false, false, false));
    assertThat(stopped.getLeft().message()).startsWith("1: Import error 'primary_key");
    assertThat(store.replicas(source.id())).isEmpty();
    service.load(admin, new LoadReplicasCommand(source.id(), COLUMNS, rows, true, true, true));
    assertThat(store.replicas(source.id())).isEmpty();
    assertThat(persons("A")).isEmpty();
    LoadReport going =
        service
            .load(admin, new LoadReplicasCommand(source.id(), COLUMNS, rows, false, true, false))
            .get();
    assertThat(going.issues()).isEqualTo(1);
    assertThat(going.created()).isEqualTo(1);
    assertThat(store.replicas(source.id())).hasSize(1);
  }
}
