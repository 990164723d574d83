package dev.tokensmith.domain.account;

import java.util.Set;

/**
 * A named set of rights held by a principal. Profiles are values, so installations can add their
 * own next to the built-in ones.
 */
public record Profile(String name) {
  public static final Profile ADMINISTRATOR = new Profile("Administrator");
  public static final Profile REST_SERVICES_USER = new Profile("REST Services User");
  public static final Profile DIRECTORY_MANAGER = new Profile("Directory Manager");
  public static final Profile DIRECTORY_READER = new Profile("Directory Reader");

  /** The profiles every installation has. */
  public static final Set<Profile> BUILT_IN =
      Set.of(ADMINISTRATOR, REST_SERVICES_USER, DIRECTORY_MANAGER, DIRECTORY_READER);

  public Profile {
    name = Names.required("profile", name);
  }

  @Override
  public String toString() {
    return name;
  }
}
