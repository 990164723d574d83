package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.vavr.control.Either;

/**
 * Authenticates a request made with a token: the first failure of DESIGN §2 in order, or the
 * principal (with the token's usage already counted). Failures of an existing token are logged for
 * its owner.
 */
public interface AuthenticateUseCase {
  Either<AuthenticationFailure, AuthenticatedPrincipal> authenticate(AuthenticateCommand command);
}
