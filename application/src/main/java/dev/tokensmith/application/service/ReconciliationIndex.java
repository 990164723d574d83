package dev.tokensmith.application.service;

import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Known} objects of a run by the normalized value of their first reconciliation
 * attribute: finds those whose reconciliation attributes equal given values, as the store compares
 * them with {@code =}.
 */
final class ReconciliationIndex {
  private final DirectoryClass directoryClass;
  private final List<String> attributes;
  private final Map<Object, List<Known>> byFirstKey = new HashMap<>();

  /** An empty index of objects of {@code directoryClass} reconciled on {@code attributes}. */
  ReconciliationIndex(DirectoryClass directoryClass, List<String> attributes) {
    this.directoryClass = directoryClass;
    this.attributes = attributes;
  }

  /**
   * The known objects whose reconciliation attributes equal {@code values} (one a reconciliation
   * attribute, in their order), in the order they were added, in a new list; none for no values.
   */
  List<Known> matches(List<String> values) {
    List<Known> found = new ArrayList<>();
    Object first = values.isEmpty() ? null : normalized(attributes.get(0), values.get(0));
    if (first == null) {
      return found;
    }
    for (Known candidate : byFirstKey.getOrDefault(first, List.of())) {
      if (matchesAll(candidate, values)) {
        found.add(candidate);
      }
    }
    return found;
  }

  private boolean matchesAll(Known candidate, List<String> values) {
    for (int k = 1; k < attributes.size(); k++) {
      String attribute = attributes.get(k);
      Object wanted = normalized(attribute, values.get(k));
      if (wanted == null || !wanted.equals(normalized(attribute, candidate.field(attribute)))) {
        return false;
      }
    }
    return true;
  }

  void add(Known object) {
    Object first = firstKeyOf(object);
    if (first != null) {
      byFirstKey.computeIfAbsent(first, value -> new ArrayList<>(1)).add(object);
    }
  }

  void remove(Known object) {
    Object first = firstKeyOf(object);
    if (first != null) {
      List<Known> bucket = byFirstKey.get(first);
      if (bucket != null) {
        bucket.remove(object);
      }
    }
  }

  void clear() {
    byFirstKey.clear();
  }

  /** The object's normalized first key; null for the id of an object not written yet. */
  private Object firstKeyOf(Known object) {
    String attribute = attributes.get(0);
    if (attribute.equals("id") && object.id == 0) {
      return null;
    }
    return normalized(attribute, object.field(attribute));
  }

  /**
   * A value as the store compares it with {@code =}: a number for a numeric attribute (null when
   * the text is no integer: it equals nothing), else the text with ASCII letters folded; null for
   * none.
   */
  private Object normalized(String attribute, String value) {
    if (value == null) {
      return null;
    }
    if (directoryClass.isNumeric(attribute)) {
      return DirectoryText.integer(value).getOrNull();
    }
    return DirectoryText.fold(value);
  }
}
