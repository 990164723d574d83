package dev.tokensmith.application.port.in;

import io.vavr.control.Either;

/**
 * An administrator replaces the token policy. Tokens that no longer fit keep working until the
 * chosen deadline; the answer lists them. Fails with {@code InvalidInput} naming the field, {@code
 * Forbidden} for a non-administrator, {@code Conflict} when the policy changed since {@code
 * expectedVersion}.
 */
public interface ChangeTokenPolicyUseCase {
  Either<UseCaseFailure, PolicyChange> changeTokenPolicy(ChangeTokenPolicyCommand command);
}
