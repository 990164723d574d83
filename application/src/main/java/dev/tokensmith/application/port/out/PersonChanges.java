package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.OrganizationId;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What to change in a person; each field none to keep the current value. {@code phone} some {@code
 * ""} removes the phone.
 */
public record PersonChanges(
    Option<String> firstName,
    Option<String> name,
    Option<String> email,
    Option<String> phone,
    Option<String> status,
    Option<OrganizationId> organization) {
  public static final PersonChanges NONE =
      new PersonChanges(Option.none(), Option.none(), Option.none(), Option.none(), Option.none());

  /** Changes that keep the status. */
  public PersonChanges(
      Option<String> firstName,
      Option<String> name,
      Option<String> email,
      Option<String> phone,
      Option<OrganizationId> organization) {
    this(firstName, name, email, phone, Option.none(), organization);
  }

  public PersonChanges {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(organization, "organization");
  }

  /** The phone to store once {@code current} is changed: none for a removed phone. */
  public Option<String> phoneAfter(Option<String> current) {
    return phone.isEmpty() ? current : phone.filter(value -> !value.isEmpty());
  }
}
