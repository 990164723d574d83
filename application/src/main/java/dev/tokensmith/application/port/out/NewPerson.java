package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.directory.DirectoryRecord;
import io.vavr.control.Option;

/**
 * A contact to be created; the id is assigned on creation. {@code status} is {@code active} or
 * {@code inactive}.
 */
public record NewPerson(
    String firstName,
    String name,
    String email,
    Option<String> phone,
    String status,
    Organization organization) {
  /** An active person. */
  public NewPerson(
      String firstName,
      String name,
      String email,
      Option<String> phone,
      Organization organization) {
    this(firstName, name, email, phone, DirectoryRecord.ACTIVE, organization);
  }
}
