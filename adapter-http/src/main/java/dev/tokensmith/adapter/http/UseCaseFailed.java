package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.UseCaseFailure;
import io.vavr.control.Either;

/**
 * Carries a {@link UseCaseFailure} from a controller to the one place that maps failures to
 * responses ({@link ErrorMapping}). The adapter's own input checks use {@code InvalidInput} too.
 */
final class UseCaseFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient UseCaseFailure failure;

  UseCaseFailed(UseCaseFailure failure) {
    super(failure.getClass().getSimpleName(), null, false, false);
    this.failure = failure;
  }

  UseCaseFailure failure() {
    return failure;
  }

  /** The value of a successful use case, or the failure thrown for the exception handlers. */
  static <T> T orThrow(Either<UseCaseFailure, T> outcome) {
    return outcome.getOrElseThrow(UseCaseFailed::new);
  }

  /** A 400 naming {@code field}. */
  static UseCaseFailed invalidInput(String field, String message) {
    return new UseCaseFailed(new UseCaseFailure.InvalidInput(field, message));
  }
}
