package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Violation;

/** Why a use case did not do what was asked. Adapters map each to one response. */
public sealed interface UseCaseFailure {
  /** A sentence a person understands. */
  String message();

  /** Input broke a rule; {@code field} names the input at fault. */
  record InvalidInput(String field, String message) implements UseCaseFailure {
    public static InvalidInput of(Violation violation) {
      return new InvalidInput(violation.field(), violation.message());
    }
  }

  /**
   * The thing does not exist, or exists but belongs to someone the actor may not see (never reveal
   * that).
   */
  record NotFound(String message) implements UseCaseFailure {}

  /** The actor is known but may not do this. */
  record Forbidden(String message) implements UseCaseFailure {}

  /** The request clashes with what exists (e.g. a login already taken). */
  record Conflict(String field, String message) implements UseCaseFailure {}

  /** Login and password do not match an enabled user. */
  record InvalidCredentials() implements UseCaseFailure {
    @Override
    public String message() {
      return "Wrong login or password.";
    }
  }
}
