package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.directory.DirectoryRecord;
import java.util.Objects;

/** An organization to be created: its name and its status ({@code active} or {@code inactive}). */
public record NewOrganization(String name, String status) {
  public NewOrganization {
    Objects.requireNonNull(name, "name");
    if (!DirectoryRecord.isContactStatus(status)) {
      throw new IllegalArgumentException("an organization's status is active or inactive");
    }
  }
}
