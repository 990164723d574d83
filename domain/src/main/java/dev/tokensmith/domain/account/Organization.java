package dev.tokensmith.domain.account;

import java.util.Objects;

/** A company or team that users, contacts and application tokens belong to. */
public record Organization(OrganizationId id, String name) {
  public Organization {
    Objects.requireNonNull(id, "id");
    name = Names.required("name", name);
  }
}
