package dev.tokensmith.bootstrap;

import dev.tokensmith.adapter.http.ApiExtension;
import dev.tokensmith.adapter.http.LoginAttempts;
import dev.tokensmith.adapter.itop.ItopRestController;
import dev.tokensmith.adapter.itop.ItopUseCases;
import dev.tokensmith.adapter.itop.LoginGuard;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * iTop's webservices (the iTop adapter) served on the HTTP adapter's server, sharing its limit of
 * failed logins: the two adapters never see each other, so they meet here.
 */
final class ItopWebservices {
  private ItopWebservices() {}

  /** {@code GET|POST /webservices/rest.php} on the core's in-ports. */
  static ApiExtension of(TokensmithCore core, int maxRequestBytes) {
    ItopUseCases useCases =
        new ItopUseCases(
            core.authentication,
            core.accounts,
            core.accounts,
            core.accounts,
            core.directory,
            core.directory,
            core.directory,
            core.directory,
            core.directory);
    return attempts -> {
      ItopRestController rest =
          new ItopRestController(useCases, new SharedGuard(attempts), maxRequestBytes);
      return List.of(
          new ApiExtension.Route(HandlerType.GET, ItopRestController.PATH, rest::handle),
          new ApiExtension.Route(HandlerType.POST, ItopRestController.PATH, rest::handle));
    };
  }

  /** The HTTP adapter's {@link LoginAttempts} as the iTop adapter's {@link LoginGuard}. */
  private record SharedGuard(LoginAttempts attempts) implements LoginGuard {
    @Override
    public void tokenAuthenticated() {
      attempts.tokenAuthenticated();
    }

    @Override
    public void tokenRefused(AuthenticationFailure failure) {
      attempts.tokenRefused(failure);
    }
  }
}
