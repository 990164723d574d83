package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.directory.DirectoryClass;
import io.vavr.control.Option;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What to import: the class, what each column holds, the reconciliation keys (attribute codes:
 * {@code id}, an attribute, or an external key such as {@code org_id} reconciled on the object its
 * columns find), and the rows. A cell is none for iTop's {@code <NULL>} (leave the attribute as it
 * is); every row has one cell per column.
 *
 * <p>The rows are read once, in order, a batch at a time: a collection is copied and checked here;
 * any other iterable (rows parsed as they are read, so that a run never holds all of them) is
 * checked as it is read, and a row of another width is then a programming error.
 */
public record ImportCommand(
    DirectoryClass directoryClass,
    List<ImportColumn> columns,
    List<String> reconciliationKeys,
    Iterable<List<Option<String>>> rows,
    boolean simulate) {

  /** What a column holds. */
  public sealed interface ImportColumn {
    /** The value of an attribute of the class ({@code id}, {@code name}, {@code org_id} by id). */
    record Attribute(String code) implements ImportColumn {
      public Attribute {
        Objects.requireNonNull(code, "code");
      }
    }

    /**
     * A value that finds the object an external key points at, such as {@code org_id->name}: the
     * key is the object of the key's class whose {@code remoteAttribute} has this value (several
     * lookups of one key must all match).
     */
    record Lookup(String externalKey, String remoteAttribute) implements ImportColumn {
      public Lookup {
        Objects.requireNonNull(externalKey, "externalKey");
        Objects.requireNonNull(remoteAttribute, "remoteAttribute");
      }
    }
  }

  public ImportCommand {
    Objects.requireNonNull(directoryClass, "directoryClass");
    columns = List.copyOf(columns);
    reconciliationKeys = List.copyOf(reconciliationKeys);
    Objects.requireNonNull(rows, "rows");
    if (rows instanceof Collection<List<Option<String>>> all) {
      rows = List.copyOf(all);
      for (List<Option<String>> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException("every row has one cell per column");
        }
      }
    }
  }
}
