package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.directory.DirectoryRecord;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * One object a delete request matched: deleted (or, simulated, deletable) when there is no issue;
 * otherwise kept, with a sentence saying why, such as {@code it is used by 1 user}.
 */
public record DirectoryDeletion(DirectoryRecord record, Option<String> issue) {
  public DirectoryDeletion {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(issue, "issue");
  }

  /** Whether the object is (or, simulated, would be) deleted. */
  public boolean deleted() {
    return issue.isEmpty();
  }
}
