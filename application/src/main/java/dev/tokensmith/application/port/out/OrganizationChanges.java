package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.directory.DirectoryRecord;
import io.vavr.control.Option;
import java.util.Objects;

/** What to change of an organization: its name, its status, each none to keep it. */
public record OrganizationChanges(Option<String> name, Option<String> status) {
  public OrganizationChanges {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    if (status.exists(value -> !DirectoryRecord.isContactStatus(value))) {
      throw new IllegalArgumentException("an organization's status is active or inactive");
    }
  }

  /** Both changes as one: {@code later}'s fields win. */
  public OrganizationChanges then(OrganizationChanges later) {
    return new OrganizationChanges(later.name.orElse(name), later.status.orElse(status));
  }
}
