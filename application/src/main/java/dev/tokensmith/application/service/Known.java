package dev.tokensmith.application.service;

import dev.tokensmith.domain.directory.DirectoryRecord;
import java.util.Map;

/**
 * An object of the class an import or a synchronization writes, as the run sees it: read from the
 * store or decided by an earlier row or replica ({@code id} 0 until written); its fields as {@link
 * DirectoryRecord} renders them.
 */
final class Known {
  long id;
  Map<String, String> fields;

  Known(long id, Map<String, String> fields) {
    this.id = id;
    this.fields = fields;
  }

  String field(String attribute) {
    return fields.get(attribute);
  }
}
