package dev.tokensmith.domain.account;

import io.vavr.control.Option;
import java.util.Objects;

/** A contact: a real person, optionally the contact of a {@link User}. */
public record Person(
    PersonId id,
    String firstName,
    String name,
    String email,
    Option<String> phone,
    Organization organization) {
  public Person {
    Objects.requireNonNull(id, "id");
    firstName = Names.required("firstName", firstName);
    name = Names.required("name", name);
    email = Names.required("email", email);
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(organization, "organization");
  }

  /** The name people read: first name, then name. */
  public String friendlyName() {
    return firstName + " " + name;
  }
}
