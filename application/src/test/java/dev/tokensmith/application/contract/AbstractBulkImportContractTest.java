package dev.tokensmith.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.in.ImportCommand;
import dev.tokensmith.application.port.in.ImportCommand.ImportColumn;
import dev.tokensmith.application.port.in.ImportReport;
import dev.tokensmith.application.port.in.ImportReport.Outcome;
import dev.tokensmith.application.port.in.ImportReport.RowResult;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.service.BulkDirectoryService;
import dev.tokensmith.application.service.DirectoryService;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * iTop's import on a directory store: what reconciling a whole run at once and writing persons in
 * batches must not change. Every row is decided as if the rows before it were written: duplicates
 * in one CSV, rows that reconcile with objects created earlier in the run (also across the batches
 * of reconciliation and of writes), ambiguous matches, refusals of single rows in the middle of a
 * batch, rights, and simulations that write nothing.
 */
public abstract class AbstractBulkImportContractTest {
  /** Columns of every import here: first_name, name, email, phone, org_id (by id). */
  private static final List<ImportColumn> COLUMNS =
      List.of(
          new ImportColumn.Attribute("first_name"),
          new ImportColumn.Attribute("name"),
          new ImportColumn.Attribute("email"),
          new ImportColumn.Attribute("phone"),
          new ImportColumn.Attribute("org_id"));

  private static final List<String> DEFAULT_KEYS = List.of("name", "first_name", "org_id", "email");

  protected abstract AccountDirectory accounts();

  protected abstract DirectoryStore directory();

  protected BulkDirectoryService bulk;
  protected Organization org;
  protected User manager;

  @BeforeEach
  void anOrganizationAndADirectoryManager() {
    bulk = new BulkDirectoryService(directory(), new DirectoryService(directory()));
    org = ContractFixtures.organization(accounts());
    manager = ContractFixtures.user(accounts(), Profile.DIRECTORY_MANAGER);
  }

  /** A tag that keeps this test's emails apart from those of other tests in the same store. */
  private final String tag = ContractFixtures.unique("t").replaceAll("[^A-Za-z0-9]", "");

  /** {@code email} in this test's own domain: {@code a@b.c} as {@code a@<tag>.b.c}. */
  protected String mail(String email) {
    return email.contains("@") ? email.replace("@", "@" + tag + ".") : email;
  }

  /** A CSV row of the columns above, in {@link #org}. */
  protected String[] row(String firstName, String name, String email, String phone) {
    return new String[] {firstName, name, mail(email), phone, Long.toString(org.id().value())};
  }

  protected ImportReport run(boolean simulate, List<String> keys, List<String[]> rows) {
    return imported(command(simulate, keys, rows));
  }

  /** The report of the manager's import {@code command}, which succeeds. */
  private ImportReport imported(ImportCommand command) {
    Either<UseCaseFailure, ImportReport> report = bulk.importObjects(manager, command);
    assertThat(report.isRight()).as("%s", report).isTrue();
    return report.get();
  }

  protected static ImportCommand command(boolean simulate, List<String> keys, List<String[]> rows) {
    return new ImportCommand(DirectoryClass.PERSON, COLUMNS, keys, cells(rows), simulate);
  }

  /** The cells of {@code rows}, a null one none. */
  private static List<List<Option<String>>> cells(List<String[]> rows) {
    List<List<Option<String>>> cells = new ArrayList<>();
    for (String[] row : rows) {
      List<Option<String>> line = new ArrayList<>();
      for (String cell : row) {
        line.add(Option.of(cell));
      }
      cells.add(line);
    }
    return cells;
  }

  protected List<DirectoryRecord> personsOfOrg() {
    List<DirectoryRecord> persons =
        new ArrayList<>(
            directory()
                .find(
                    new ObjectQuery(
                        DirectoryClass.PERSON,
                        new Criteria.Comparison(
                            "org_id", ComparisonOperator.EQUAL, Literal.of(org.id().value()))),
                    Integer.MAX_VALUE,
                    0));
    persons.sort(Comparator.comparingLong(DirectoryRecord::id));
    return persons;
  }

  private DirectoryRecord existing(String firstName, String name, String email) {
    return directory()
        .createPerson(new NewPerson(firstName, name, mail(email), Option.none(), org));
  }

  private static List<Outcome> outcomes(ImportReport report) {
    return report.rows().stream().map(RowResult::outcome).toList();
  }

  @Test
  void aDuplicateRowReconcilesWithTheObjectTheFirstOneCreated() {
    ImportReport report =
        run(
            false,
            DEFAULT_KEYS,
            List.of(
                row("Ada", "Lovelace", "ada@demo.com", ""),
                row("Ada", "Lovelace", "ada@demo.com", ""),
                row("ADA", "lovelace", "ADA@demo.com", "+44 1")));

    assertThat(outcomes(report))
        .containsExactly(Outcome.CREATED, Outcome.UNCHANGED, Outcome.UPDATED);
    long id = report.rows().get(0).objectId();
    assertThat(id).isPositive();
    assertThat(report.rows()).extracting(RowResult::objectId).containsOnly(id);
    // keys compare with ASCII letters folded, as the store does; the values written are the row's
    assertThat(report.rows().get(2).changedAttributes()).isEqualTo(4);
    assertThat(report.rows().get(2).modifiedColumns()).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(personsOfOrg())
        .singleElement()
        .satisfies(
            person -> {
              assertThat(person.id()).isEqualTo(id);
              assertThat(person.field("first_name")).isEqualTo("ADA");
              assertThat(person.field("email")).isEqualTo(mail("ADA@demo.com"));
              assertThat(person.field("phone")).isEqualTo("+44 1");
            });
  }

  @Test
  void laterRowsSeeWhatEarlierRowsChanged() {
    ImportReport report =
        run(
            false,
            List.of("email"),
            List.of(
                row("Alan", "Turing", "alan@demo.com", ""),
                row("Alan", "Turing", "alan@demo.com", "+1"),
                row("Alan", "Turing", "ALAN@demo.com", ""),
                row("Alan", "Turing", "alan@DEMO.com", ""),
                row("Alan", "Turing", "turing@demo.com", "")));

    assertThat(outcomes(report))
        .containsExactly(
            Outcome.CREATED, Outcome.UPDATED, Outcome.UPDATED, Outcome.UPDATED, Outcome.CREATED);
    assertThat(report.rows().get(2).modifiedColumns()).containsExactlyInAnyOrder(2, 3);
    assertThat(report.rows().get(3).modifiedColumns()).containsExactlyInAnyOrder(2);
    assertThat(personsOfOrg())
        .extracting(p -> p.field("email") + " " + p.field("phone"))
        .containsExactly(mail("alan@DEMO.com") + " ", mail("turing@demo.com") + " ");
  }

  @Test
  void twoExistingMatchesAreAnAmbiguousReconciliationAndTheOtherRowsAreWritten() {
    existing("Grace", "Hopper", "grace@navy.mil");
    existing("Grace", "Hopper", "grace@navy.mil");

    ImportReport report =
        run(
            false,
            DEFAULT_KEYS,
            List.of(
                row("Grace", "Hopper", "grace@navy.mil", "555"),
                row("Linus", "Torvalds", "linus@kernel.org", "")));

    assertThat(outcomes(report)).containsExactly(Outcome.ISSUE, Outcome.CREATED);
    assertThat(report.rows().get(0).issue()).isEqualTo("ambiguous reconciliation");
    assertThat(personsOfOrg()).extracting(p -> p.field("phone")).containsExactly("", "", "");
  }

  @Test
  void createdUpdatedAndUnchangedRowsMixInOneRunAndASimulationDecidesTheSameWritingNothing() {
    DirectoryRecord ada = existing("Ada", "Lovelace", "ada@demo.com");
    DirectoryRecord alan = existing("Alan", "Turing", "alan@demo.com");
    List<String[]> rows =
        List.of(
            row("Ada", "Lovelace", "ada@demo.com", "+44 20"),
            row("Grace", "Hopper", "grace@navy.mil", ""),
            row("Alan", "Turing", "alan@demo.com", ""),
            row("Grace", "Hopper", "grace@navy.mil", "555"));

    ImportReport simulated = run(true, DEFAULT_KEYS, rows);

    assertThat(outcomes(simulated))
        .containsExactly(Outcome.UPDATED, Outcome.CREATED, Outcome.UNCHANGED, Outcome.UPDATED);
    assertThat(simulated.rows())
        .extracting(RowResult::objectId)
        .startsWith(ada.id(), 0L, alan.id());
    assertThat(personsOfOrg()).containsExactly(ada, alan);

    ImportReport report = run(false, DEFAULT_KEYS, rows);

    assertThat(outcomes(report)).isEqualTo(outcomes(simulated));
    long grace = report.rows().get(1).objectId();
    assertThat(report.rows())
        .extracting(RowResult::objectId)
        .containsExactly(ada.id(), grace, alan.id(), grace);
    assertThat(report.rows()).extracting(RowResult::changedAttributes).containsExactly(1, 0, 0, 1);
    assertThat(report.rows().get(0).modifiedColumns()).containsExactlyInAnyOrder(3);
    assertThat(personsOfOrg())
        .extracting(p -> p.id() + " " + p.field("friendlyname") + " " + p.field("phone"))
        .containsExactly(
            ada.id() + " Ada Lovelace +44 20",
            alan.id() + " Alan Turing ",
            grace + " Grace Hopper 555");
  }

  @Test
  void refusedRowsInTheMiddleOfABatchAreIssuesOnTheirCellsAndTheOthersAreWritten() {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("Ada", "Lovelace", "ada@demo.com", ""));
    rows.add(row("Bad", "Email", "not an email", ""));
    rows.add(new String[] {"No", "Org", mail("no@org.com"), "", "999999999"});
    rows.add(row("Alan", "Turing", "alan@demo.com", ""));
    rows.add(row("Ada", "Lovelace", "ada@demo.com", "x".repeat(300)));

    ImportReport report = run(false, List.of("email"), rows);

    assertThat(outcomes(report))
        .containsExactly(
            Outcome.CREATED, Outcome.ISSUE, Outcome.ISSUE, Outcome.CREATED, Outcome.ISSUE);
    assertThat(report.rows().get(1).cellIssues())
        .containsOnlyKeys(2)
        .hasEntrySatisfying(
            2, issue -> assertThat(issue).startsWith("'not an email' is an invalid value."));
    assertThat(report.rows().get(2).cellIssues())
        .containsOnlyKeys(4)
        .hasEntrySatisfying(
            4, issue -> assertThat(issue).contains("Invalid object Organization::999999999"));
    assertThat(report.rows().get(4).issue()).isEqualTo("Unexpected attribute value(s)");
    assertThat(personsOfOrg())
        .extracting(p -> p.field("email") + " " + p.field("phone"))
        .containsExactly(mail("ada@demo.com") + " ", mail("alan@demo.com") + " ");
  }

  @Test
  void aUserWhoMayNotWritePersonsIsRefusedForTheWholeRunAndNothingIsWritten() {
    User reader = ContractFixtures.user(accounts(), Profile.DIRECTORY_READER);

    Either<UseCaseFailure, ImportReport> report =
        bulk.importObjects(
            reader,
            command(false, DEFAULT_KEYS, List.<String[]>of(row("Ada", "Lovelace", "a@b.co", ""))));

    assertThat(report.getLeft()).isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(personsOfOrg()).isEmpty();
  }

  @Test
  void reconcilingOnIdUpdatesByIdAndCreatesForAnEmptyOrUnknownId() {
    DirectoryRecord ada = existing("Ada", "Lovelace", "ada@demo.com");
    ImportReport first =
        run(false, List.of("email"), List.<String[]>of(row("Alan", "Turing", "alan@demo.com", "")));
    long alan = first.rows().get(0).objectId();
    List<String[]> rows = new ArrayList<>();
    rows.add(withId(String.valueOf(ada.id()), row("Ada", "Lovelace", "ada@demo.com", "+1")));
    rows.add(withId("", row("Grace", "Hopper", "grace@navy.mil", "")));
    rows.add(withId(String.valueOf(alan), row("Alan", "Turing", "alan@demo.com", "")));
    rows.add(withId("not a number", row("Linus", "Torvalds", "linus@kernel.org", "")));

    ImportReport report = runWithIds(List.of("id"), rows);

    assertThat(outcomes(report))
        .containsExactly(Outcome.UPDATED, Outcome.CREATED, Outcome.UNCHANGED, Outcome.CREATED);
    assertThat(report.rows().get(0).objectId()).isEqualTo(ada.id());
    assertThat(report.rows().get(2).objectId()).isEqualTo(alan);
    assertThat(personsOfOrg())
        .extracting(p -> p.field("first_name") + " " + p.field("phone"))
        .containsExactly("Ada +1", "Alan ", "Grace ", "Linus ");
  }

  private static String[] withId(String id, String[] row) {
    String[] withId = new String[row.length + 1];
    withId[0] = id;
    System.arraycopy(row, 0, withId, 1, row.length);
    return withId;
  }

  private ImportReport runWithIds(List<String> keys, List<String[]> rows) {
    List<ImportColumn> columns = new ArrayList<>();
    columns.add(new ImportColumn.Attribute("id"));
    columns.addAll(COLUMNS);
    return imported(new ImportCommand(DirectoryClass.PERSON, columns, keys, cells(rows), false));
  }

  /**
   * More rows than one reconciliation query covers (1 000) and than one write holds (5 000): later
   * rows find the persons earlier rows created, whether already written or not.
   */
  @Test
  void rowsFindObjectsCreatedInEarlierBatchesOfTheSameRun() {
    int created = 5500;
    existing("Person0", "Bulk0", "p0@bulk.example");
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < created; i++) {
      rows.add(row("Person" + i, "Bulk" + i, "p" + i + "@bulk.example", ""));
    }
    for (int i = 0; i < 500; i++) {
      int person = i * 11;
      rows.add(row("Person" + person, "Bulk" + person, "p" + person + "@bulk.example", "+" + i));
    }
    rows.add(rows.get(rows.size() - 1));

    ImportReport report = run(false, DEFAULT_KEYS, rows);

    assertThat(report.count(Outcome.CREATED)).isEqualTo(created - 1);
    assertThat(report.count(Outcome.UPDATED)).isEqualTo(500);
    assertThat(report.count(Outcome.UNCHANGED)).isEqualTo(2);
    assertThat(report.count(Outcome.ISSUE)).isZero();
    for (int i = 0; i < 500; i++) {
      assertThat(report.rows().get(created + i).objectId())
          .isEqualTo(report.rows().get(i * 11).objectId());
    }
    List<DirectoryRecord> persons = personsOfOrg();
    assertThat(persons).hasSize(created);
    Map<String, String> phones = new java.util.HashMap<>();
    persons.forEach(p -> phones.put(p.field("email"), p.field("phone")));
    assertThat(phones)
        .containsEntry(mail("p0@bulk.example"), "+0")
        .containsEntry(mail("p5489@bulk.example"), "+499")
        .containsEntry(mail("p5490@bulk.example"), "");
    assertThat(Set.copyOf(report.rows().stream().map(RowResult::objectId).toList()))
        .hasSize(created);
  }

  /** Columns of the organization imports here: id, name, status. */
  private static final List<ImportColumn> ORGANIZATION_COLUMNS =
      List.of(
          new ImportColumn.Attribute("id"),
          new ImportColumn.Attribute("name"),
          new ImportColumn.Attribute("status"));

  /** An import of organizations (rows of id, name, status), reconciled on {@code keys}. */
  protected ImportReport organizations(boolean simulate, List<String> keys, List<String[]> rows) {
    return imported(
        new ImportCommand(
            DirectoryClass.ORGANIZATION, ORGANIZATION_COLUMNS, keys, cells(rows), simulate));
  }

  /** The organizations whose name starts with this test's tag, by name, as "name status". */
  protected List<String> organizationsOfTest() {
    return directory()
        .find(
            new ObjectQuery(
                DirectoryClass.ORGANIZATION, new Criteria.Like("name", tag + "%", false)),
            Integer.MAX_VALUE,
            0)
        .stream()
        .map(o -> o.field("name") + " " + o.field("status"))
        .sorted()
        .toList();
  }

  /**
   * Organizations written in batches keep their names unique as the rows decide them one after the
   * other: a name another organization holds is an issue on its row, a name an earlier row renamed
   * away from is free for a later row; a simulation decides the same and writes nothing.
   */
  @Test
  void organizationNamesStayUniqueRowAfterRowWithinABatch() {
    try {
      organizationNamesStayUnique();
    } finally {
      deleteOrganizationsOfTest();
    }
  }

  /** Deletes this test's organizations: other tests of a shared store count the inactive ones. */
  private void deleteOrganizationsOfTest() {
    directory()
        .find(
            new ObjectQuery(
                DirectoryClass.ORGANIZATION, new Criteria.Like("name", tag + "%", false)),
            Integer.MAX_VALUE,
            0)
        .forEach(organization -> directory().deleteOrganization(organization.id(), false));
  }

  private void organizationNamesStayUnique() {
    long acme = directory().createOrganization(tag + "-acme").get().id();
    long bee = directory().createOrganization(tag + "-bee").get().id();
    List<String[]> rows =
        List.of(
            new String[] {"", tag + "-one", "active"},
            new String[] {"", tag + "-acme", "active"},
            new String[] {Long.toString(acme), tag + "-bee", "active"},
            new String[] {Long.toString(bee), tag + "-bumblebee", "active"},
            new String[] {"", tag + "-bee", "inactive"},
            new String[] {Long.toString(acme), tag + "-acme", "inactive"});

    ImportReport simulated = organizations(true, List.of("id"), rows);

    assertThat(organizationsOfTest()).containsExactly(tag + "-acme active", tag + "-bee active");

    ImportReport report = organizations(false, List.of("id"), rows);

    for (ImportReport run : List.of(simulated, report)) {
      assertThat(outcomes(run))
          .containsExactly(
              Outcome.CREATED,
              Outcome.ISSUE,
              Outcome.ISSUE,
              Outcome.UPDATED,
              Outcome.CREATED,
              Outcome.UPDATED);
      assertThat(run.rows().get(1).issue())
          .isEqualTo("An Organization with name '" + tag + "-acme' exists already.");
      assertThat(run.rows().get(2).issue())
          .isEqualTo("An Organization with name '" + tag + "-bee' exists already.");
    }
    assertThat(simulated.rows().get(0).objectId()).isZero();
    assertThat(report.rows().get(0).objectId()).isPositive();
    assertThat(report.rows().get(3).objectId()).isEqualTo(bee);
    assertThat(report.rows().get(5).objectId()).isEqualTo(acme);
    assertThat(report.rows().get(5).changedAttributes()).isEqualTo(1);
    assertThat(organizationsOfTest())
        .containsExactly(
            tag + "-acme inactive",
            tag + "-bee inactive",
            tag + "-bumblebee active",
            tag + "-one active");
  }

  /** Rows reconciled on the name find what earlier rows created or renamed, across batches too. */
  @Test
  void organizationRowsSeeOrganizationsEarlierRowsCreated() {
    try {
      organizationRowsSeeEarlierRows();
    } finally {
      deleteOrganizationsOfTest();
    }
  }

  private void organizationRowsSeeEarlierRows() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      rows.add(new String[] {"", tag + "-org" + i, "active"});
    }
    rows.add(new String[] {"", tag + "-ORG1", "inactive"});
    rows.add(new String[] {"", tag + "-org1499", "active"});

    ImportReport report = organizations(false, List.of("name"), rows);

    assertThat(report.count(Outcome.CREATED)).isEqualTo(1500);
    assertThat(report.rows().get(1500).outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(report.rows().get(1500).objectId()).isEqualTo(report.rows().get(1).objectId());
    assertThat(report.rows().get(1501).outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(organizationsOfTest()).hasSize(1500).contains(tag + "-ORG1 inactive");
  }
}
