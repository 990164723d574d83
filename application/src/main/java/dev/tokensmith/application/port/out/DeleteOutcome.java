package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.directory.DirectoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What deleting a directory object did, or (simulated) would do. */
public sealed interface DeleteOutcome {

  /** The object is (or would be) gone; {@code record} is how it was. */
  record Deleted(DirectoryRecord record) implements DeleteOutcome {
    public Deleted {
      Objects.requireNonNull(record, "record");
    }
  }

  /** There is no such object. */
  record NotFound() implements DeleteOutcome {}

  /**
   * The object stays because others point at it: users whose contact it is, or persons, users and
   * application tokens of an organization.
   */
  record InUse(DirectoryRecord record, long persons, long users, long applicationTokens)
      implements DeleteOutcome {
    public InUse {
      Objects.requireNonNull(record, "record");
      if (persons < 0
          || users < 0
          || applicationTokens < 0
          || persons + users + applicationTokens == 0) {
        throw new IllegalArgumentException("an object in use has at least one dependent");
      }
    }

    /** Why it stays, e.g. {@code it is used by 2 persons and 1 application token}. */
    public String reason() {
      List<String> parts = new ArrayList<>();
      add(parts, persons, "person");
      add(parts, users, "user");
      add(parts, applicationTokens, "application token");
      String joined =
          parts.size() == 1
              ? parts.get(0)
              : String.join(", ", parts.subList(0, parts.size() - 1))
                  + " and "
                  + parts.get(parts.size() - 1);
      return "it is used by " + joined;
    }

    private static void add(List<String> parts, long count, String noun) {
      if (count > 0) {
        parts.add(count + " " + noun + (count == 1 ? "" : "s"));
      }
    }
  }
}
