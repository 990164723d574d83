package dev.tokensmith.adapter.itop;

import dev.tokensmith.application.port.in.ImportCommand.ImportColumn;
import dev.tokensmith.domain.directory.DirectoryClass;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header line of an {@code import.php} CSV mapped to what each column holds, as iTop maps it:
 * names compared lower-cased, attribute codes ({@code no_localize=1}) or English labels, {@code id}
 * always, external fields ({@code org_name}) and external-key paths ({@code org_id->name}, {@code
 * Organization->Name}); a trailing {@code *} on a name is ignored.
 */
final class ImportHeader {
  /** A mapped column: its code as iTop's summary prints it and what it holds. */
  record Column(String code, ImportColumn holds) {}

  private final Map<String, Column> known = new LinkedHashMap<>();

  ImportHeader(DirectoryClass directoryClass, boolean localize) {
    add(localize, directoryClass, "id", new ImportColumn.Attribute("id"));
    for (String code : directoryClass.writableAttributeCodes()) {
      add(localize, directoryClass, code, new ImportColumn.Attribute(code));
    }
    for (var field : ItopAttributes.EXTERNAL_FIELDS.get(directoryClass).entrySet()) {
      String[] path = field.getValue();
      add(localize, directoryClass, field.getKey(), new ImportColumn.Lookup(path[0], path[1]));
    }
    for (var key : ItopAttributes.EXTERNAL_KEYS.entrySet()) {
      if (!directoryClass.writableAttributeCodes().contains(key.getKey())) {
        continue;
      }
      DirectoryClass target = key.getValue();
      for (String remote : target.attributeCodes()) {
        String code = key.getKey() + "->" + remote;
        String label =
            ItopAttributes.label(directoryClass, key.getKey()).get()
                + "->"
                + (remote.equals("id") ? "id" : ItopAttributes.label(target, remote).get());
        Column column = new Column(code, new ImportColumn.Lookup(key.getKey(), remote));
        known.putIfAbsent((localize ? label : code).toLowerCase(Locale.ROOT), column);
      }
    }
  }

  private void add(
      boolean localize, DirectoryClass directoryClass, String code, ImportColumn holds) {
    String name = localize ? ItopAttributes.label(directoryClass, code).get() : code;
    known.putIfAbsent(name.toLowerCase(Locale.ROOT), new Column(code, holds));
  }

  /** The column a header name stands for, or iTop's message for an unknown one. */
  Either<String, Column> column(String name) {
    Column column = known.get(withoutStar(name).toLowerCase(Locale.ROOT));
    if (column == null) {
      return Either.left(
          "Unknown column: '" + name + "'. Possible columns: " + String.join(", ", known.keySet()));
    }
    return Either.right(column);
  }

  /** Whether {@code name} is a column name of the class. */
  boolean knows(String name) {
    return known.containsKey(withoutStar(name).toLowerCase(Locale.ROOT));
  }

  /** {@code name*} and {@code org_id*->name} mark mandatory fields in iTop's templates. */
  private static String withoutStar(String name) {
    String stripped = name.strip();
    int arrow = stripped.indexOf("->");
    if (arrow > 0 && stripped.charAt(arrow - 1) == '*') {
      stripped = stripped.substring(0, arrow - 1) + stripped.substring(arrow);
    }
    return stripped.endsWith("*") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }

  /** All the mapped columns of a header, or the message for the first unknown one. */
  Either<String, List<Column>> columns(List<String> names) {
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      Either<String, Column> column = column(name);
      if (column.isLeft()) {
        return Either.left(column.getLeft());
      }
      columns.add(column.get());
    }
    return Either.right(columns);
  }
}
