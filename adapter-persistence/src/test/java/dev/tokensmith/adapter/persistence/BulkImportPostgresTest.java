package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.contract.AbstractBulkImportContractTest;
import dev.tokensmith.application.port.in.ImportReport;
import dev.tokensmith.application.port.in.ImportReport.Outcome;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.DirectoryStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import's contract on PostgreSQL, and what makes it fast there: a run reconciles and writes in
 * a number of statements that depends on its batches, not on its rows (a benchmark measures the
 * speed, docs/performance.md; this counts statements only).
 */
class BulkImportPostgresTest extends AbstractBulkImportContractTest {
  private final PostgresAdapters adapters = TestDatabase.adapters();

  @Override
  protected AccountDirectory accounts() {
    return adapters.accounts();
  }

  @Override
  protected DirectoryStore directory() {
    return adapters.directory();
  }

  @Test
  void aRunOfTwoThousandRowsTakesAFewStatementsNotSomePerRow() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(row("Émile" + i, "Zola" + i, "person" + i + "@bench.example", ""));
    }
    long before = adapters.sqlStatements();
    ImportReport created = run(false, List.of("name", "first_name", "org_id", "email"), rows);
    long creating = adapters.sqlStatements() - before;

    for (int i = 0; i < 2000; i += 2) {
      rows.set(i, row("Émile" + i, "Zola" + i, "person" + i + "@bench.example", "+33 " + i));
    }
    before = adapters.sqlStatements();
    ImportReport updated = run(false, List.of("name", "first_name", "org_id", "email"), rows);
    long updating = adapters.sqlStatements() - before;

    assertThat(created.count(Outcome.CREATED)).isEqualTo(2000);
    assertThat(updated.count(Outcome.UPDATED)).isEqualTo(1000);
    assertThat(updated.count(Outcome.UNCHANGED)).isEqualTo(1000);
    assertThat(personsOfOrg()).hasSize(2000);
    // per run: its transaction, the organization, 2 reconciliation queries (1 000 rows each), the
    // ids and the insert, or the update; the old way took about five per row
    assertThat(creating).as("statements to create 2 000 persons").isLessThanOrEqualTo(12);
    assertThat(updating).as("statements to update 1 000 of them").isLessThanOrEqualTo(12);
  }

  @Test
  void organizationsAreWrittenInAFewStatementsNotSomePerRow() {
    String tag = "bulk-organizations-" + System.nanoTime();
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(new String[] {"", tag + "-" + i, "active"});
    }
    long before = adapters.sqlStatements();
    ImportReport created = organizations(false, List.of("name"), rows);
    long creating = adapters.sqlStatements() - before;

    for (int i = 0; i < 2000; i++) {
      String id = Long.toString(created.rows().get(i).objectId());
      rows.set(i, new String[] {id, tag + "-" + i + (i % 2 == 0 ? "-renamed" : ""), "active"});
    }
    before = adapters.sqlStatements();
    ImportReport updated = organizations(false, List.of("id"), rows);
    long updating = adapters.sqlStatements() - before;

    assertThat(created.count(Outcome.CREATED)).isEqualTo(2000);
    assertThat(updated.count(Outcome.UPDATED)).isEqualTo(1000);
    assertThat(updated.count(Outcome.UNCHANGED)).isEqualTo(1000);
    // per run: its transaction, and per batch of 1 000 rows the reconciliation, the names taken
    // and the insert (or the update) in its own transaction; one by one took three or more per row
    // (status changes are left out: other tests of this database count inactive organizations)
    assertThat(creating).as("statements to create 2 000 organizations").isLessThanOrEqualTo(12);
    assertThat(updating).as("statements to change 1 000 of them").isLessThanOrEqualTo(12);
  }
}
