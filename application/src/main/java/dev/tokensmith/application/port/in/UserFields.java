package dev.tokensmith.application.port.in;

import io.vavr.control.Option;
import java.util.Set;

/**
 * The fields of a user as administrators send them; on creation login, password, organization and
 * contact names and email are required, on an edit every field is optional.
 */
public record UserFields(
    Option<String> password,
    Option<String> status,
    Option<String> organization,
    Option<Set<String>> profiles,
    Option<String> firstName,
    Option<String> name,
    Option<String> email) {
  public static final UserFields NONE =
      new UserFields(
          Option.none(),
          Option.none(),
          Option.none(),
          Option.none(),
          Option.none(),
          Option.none(),
          Option.none());

  @Override
  public String toString() {
    return "UserFields[password="
        + (password.isDefined() ? "redacted" : "none")
        + ", status="
        + status
        + ", organization="
        + organization
        + ", profiles="
        + profiles
        + ", firstName="
        + firstName
        + ", name="
        + name
        + ", email="
        + email
        + "]";
  }
}
