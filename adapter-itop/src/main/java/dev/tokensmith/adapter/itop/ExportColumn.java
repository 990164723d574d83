package dev.tokensmith.adapter.itop;

import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * One column of a tabular export, from one field spec of {@code fields}: an attribute ({@code
 * name}, {@code id}), an external field ({@code org_name}, {@code org_id_friendlyname}) or an
 * external-key path ({@code org_id->name}); its header label, where its value comes from, and
 * whether CSV prints it bare (ids and external keys) or in the text qualifier.
 */
record ExportColumn(String spec, String label, String code, boolean unquoted, boolean localized) {

  /** The value of this column for {@code record}, as iTop prints it. */
  String value(DirectoryClass directoryClass, DirectoryRecord record) {
    String value = record.field(code);
    return localized ? ItopAttributes.localizedValue(directoryClass, code, value) : value;
  }

  /** The column of {@code spec} (already trimmed), or iTop's message for a spec it cannot be. */
  static Either<String, ExportColumn> of(
      DirectoryClass directoryClass, String spec, boolean localize) {
    int arrow = spec.indexOf("->");
    if (arrow >= 0) {
      String key = spec.substring(0, arrow);
      String remote = spec.substring(arrow + 2);
      DirectoryClass target = ItopAttributes.EXTERNAL_KEYS.get(key);
      if (target == null || !directoryClass.hasAttribute(key)) {
        return Either.left(wrong(spec, key, directoryClass));
      }
      if (!target.hasAttribute(remote)) {
        return Either.left(wrong(spec, remote, target));
      }
      Option<String> code = pathCode(directoryClass, key, remote);
      if (code.isEmpty()) {
        return Either.left(
            "Wrong field specification '"
                + spec
                + "': tokensmith does not export "
                + remote
                + " of the "
                + target.className()
                + " a "
                + directoryClass.className()
                + " points at");
      }
      String label =
          ItopAttributes.label(directoryClass, key).get()
              + "->"
              + (remote.equals("id") ? "id" : ItopAttributes.label(target, remote).get());
      return Either.right(
          new ExportColumn(
              spec,
              localize ? label : spec,
              code.get(),
              ItopAttributes.unquoted(code.get()),
              false));
    }
    if (spec.endsWith("_friendlyname")) {
      String key = spec.substring(0, spec.length() - "_friendlyname".length());
      if (ItopAttributes.EXTERNAL_KEYS.containsKey(key) && directoryClass.hasAttribute(key)) {
        Option<String> code = pathCode(directoryClass, key, "friendlyname");
        if (code.isDefined()) {
          return Either.right(
              new ExportColumn(
                  spec,
                  localize ? ItopAttributes.label(directoryClass, key).get() : spec,
                  code.get(),
                  false,
                  false));
        }
      }
    }
    if (!directoryClass.hasAttribute(spec)) {
      return Either.left(wrong(spec, spec, directoryClass));
    }
    return Either.right(
        new ExportColumn(
            spec,
            localize ? ItopAttributes.label(directoryClass, spec).get() : spec,
            spec,
            ItopAttributes.unquoted(spec),
            localize));
  }

  /** The attribute of the record that holds {@code key->remote}, when the record has it. */
  private static Option<String> pathCode(DirectoryClass directoryClass, String key, String remote) {
    if (remote.equals("id")) {
      return Option.some(key);
    }
    for (var field : ItopAttributes.EXTERNAL_FIELDS.get(directoryClass).entrySet()) {
      String[] path = field.getValue();
      boolean sameValue =
          path[1].equals(remote) || (path[1].equals("name") && remote.equals("friendlyname"));
      if (path[0].equals(key) && sameValue) {
        return Option.some(field.getKey());
      }
    }
    return Option.none();
  }

  private static String wrong(String spec, String attribute, DirectoryClass directoryClass) {
    return "Wrong field specification '"
        + spec
        + "': Unknown attribute "
        + attribute
        + " from class "
        + directoryClass.className();
  }
}
