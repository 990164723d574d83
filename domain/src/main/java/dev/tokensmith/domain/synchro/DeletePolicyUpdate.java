package dev.tokensmith.domain.synchro;

import io.vavr.control.Either;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values written into an object whose replica was not seen in a full load, read from iTop's
 * {@code delete_policy_update} text {@code att:value;att2:value2} (a value may be empty).
 */
public record DeletePolicyUpdate(Map<String, String> values) {
  public DeletePolicyUpdate {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** No values. */
  public static final DeletePolicyUpdate NONE = new DeletePolicyUpdate(Map.of());

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The values {@code text} spells, or a sentence saying what is wrong with it. */
  public static Either<String, DeletePolicyUpdate> parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return Either.right(NONE);
    }
    for (String piece : text.split(";")) {
      if (piece.isBlank()) {
        continue;
      }
      int colon = piece.indexOf(':');
      if (colon <= 0) {
        return Either.left(
            "delete_policy_update: '"
                + piece.strip()
                + "' is not of the form attcode:value (pieces separated by ;)");
      }
      String attcode = piece.substring(0, colon).strip();
      if (values.containsKey(attcode)) {
        return Either.left("delete_policy_update: attribute '" + attcode + "' is given twice");
      }
      values.put(attcode, piece.substring(colon + 1));
    }
    return Either.right(new DeletePolicyUpdate(values));
  }
}
