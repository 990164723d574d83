package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.User;
import io.vavr.control.Either;

/**
 * Checks a login and password sent to a REST web service (iTop's {@code auth_user}/{@code auth_pwd}
 * or HTTP Basic): the user; InvalidCredentials for a wrong pair or a disabled user
 * (indistinguishable); TooManyAttempts as {@link LogInUseCase}; Forbidden when {@code
 * secure_rest_services} is on and the user lacks the profile {@code REST Services User} (DESIGN
 * §2's REST-services profile rule).
 */
public interface LogInToRestServicesUseCase {
  /** iTop's sentence for a user the REST-services profile rule refuses. */
  String REST_PROFILE_REQUIRED =
      "This user is not authorized to use the web services. (The profile REST Services User is"
          + " required to access the REST web services)";

  Either<UseCaseFailure, User> logInToRestServices(LogInCommand command);
}
