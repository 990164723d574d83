package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Violation;
import dev.tokensmith.domain.authentication.AttemptBudget;
import java.time.Duration;

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

  /**
   * Too many wrong passwords for this login, or (for a wrong password) from this address: try again
   * after {@code retryAfter}.
   */
  record TooManyAttempts(Duration retryAfter) implements UseCaseFailure {
    public TooManyAttempts {
      java.util.Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Whole seconds to wait, at least 1 (the {@code Retry-After} value). */
    public long retryAfterSeconds() {
      return AttemptBudget.wholeSeconds(retryAfter);
    }

    @Override
    public String message() {
      long seconds = retryAfterSeconds();
      return "Too many failed sign-in attempts; try again in "
          + seconds
          + " second"
          + (seconds == 1 ? "" : "s")
          + ".";
    }
  }

  /** Login and password do not match an enabled user. */
  record InvalidCredentials() implements UseCaseFailure {
    @Override
    public String message() {
      return "Wrong login or password.";
    }
  }
}
