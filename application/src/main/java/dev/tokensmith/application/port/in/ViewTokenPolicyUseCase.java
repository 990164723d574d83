package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.policy.TokenPolicy;
import io.vavr.control.Either;

/** An administrator reads the token policy; {@code Forbidden} for anyone else. */
public interface ViewTokenPolicyUseCase {
  Either<UseCaseFailure, TokenPolicy> viewTokenPolicy(Principal actor);
}
