package dev.tokensmith.adapter.http.view;

import dev.tokensmith.domain.account.Person;

/** A user's contact: the person behind the account. */
public record ContactView(String firstName, String name, String email) {
  public static ContactView from(Person person) {
    return new ContactView(person.firstName(), person.name(), person.email());
  }
}
