package dev.tokensmith.adapter.itop;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.Scope;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.util.Map;

/**
 * The login of a bulk endpoint: {@link RestLogin}'s (same token transports, same failed-attempt
 * limit, uses counted and refusals recorded by the authentication use case) with the endpoint's own
 * scope; a refusal is left as the response headers to send ({@code X-Tokensmith-Auth-Failure},
 * {@code Retry-After}), each endpoint writing iTop's own answer.
 */
final class BulkLogin {
  private final RestLogin login;

  /** The login of the endpoint at {@code path}, which requires {@code scope}. */
  BulkLogin(ItopUseCases useCases, LoginGuard guard, Scope scope, String path) {
    this.login =
        new RestLogin(
            useCases.authenticate(),
            useCases.logInToRestServices(),
            useCases.failedSignIn(),
            guard,
            scope,
            " " + path);
  }

  /** Who makes the call, or the headers of the refusal. */
  Either<Map<String, String>, Principal> principal(Context ctx, BulkParameters parameters) {
    try {
      return Either.right(login.principal(ctx, parameters.forLogin()));
    } catch (RestFailed refused) {
      return Either.left(refused.result().headers());
    }
  }

  /** Whether the call forces the token login ({@code login_mode=token} or {@code rest-token}). */
  static boolean forcesToken(BulkParameters parameters) {
    return parameters
        .nonBlank("login_mode")
        .exists(mode -> mode.equals("token") || mode.equals("rest-token"));
  }
}
