package dev.tokensmith.adapter.itop;

import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.AuthenticateUseCase;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.LogInToRestServicesUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.token.Scope;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Logs a {@code rest.php} call in afresh, as iTop does: by token (header {@code Auth-Token}, else
 * {@code Authorization: Bearer}, else parameter {@code auth_token}: the first found wins, so there
 * is never an ambiguity), by HTTP Basic, or by {@code auth_user}/{@code auth_pwd}; {@code
 * login_mode} ({@code token}, {@code basic}, {@code url}, {@code form}) restricts the choice.
 * Tokens need scope {@code rest}; both ways apply the REST-services profile rule. Addresses with
 * too many failed attempts are refused before anything is checked.
 */
final class RestLogin {
  static final String AUTH_TOKEN_HEADER = "Auth-Token";
  static final String ENDPOINT_PATH = " /webservices/rest.php";
  private static final String BEARER = "bearer ";
  private static final String BASIC = "basic ";

  private final AuthenticateUseCase authenticate;
  private final LogInToRestServicesUseCase logIn;
  private final LoginGuard guard;

  RestLogin(AuthenticateUseCase authenticate, LogInToRestServicesUseCase logIn, LoginGuard guard) {
    this.authenticate = authenticate;
    this.logIn = logIn;
    this.guard = guard;
  }

  /** Who makes the call; code 1 with iTop's message when nobody could be logged in. */
  Principal principal(Context ctx, RestParameters parameters) {
    long retryAfter = guard.retryAfterSeconds(ctx.ip());
    if (retryAfter > 0) {
      throw new RestFailed(
          RestResult.error(
                  RestCode.UNAUTHORIZED,
                  "Error: Too many failed attempts, retry in " + retryAfter + " s")
              .withHeader("Retry-After", Long.toString(retryAfter)));
    }
    Option<String> mode = parameters.nonEmpty("login_mode");
    Option<String> token = token(ctx, parameters);
    Option<String> basic = header(ctx, "Authorization").filter(RestLogin::isBasic);
    Option<String> user = parameters.nonEmpty("auth_user");
    if (mode.isEmpty()) {
      if (token.isDefined()) {
        return byToken(ctx, token);
      }
      if (basic.isDefined()) {
        return byBasic(ctx, basic.get());
      }
      if (user.isDefined()) {
        return byPassword(ctx, user.get(), parameters.get("auth_pwd").getOrElse(""));
      }
      return byToken(ctx, Option.none());
    }
    switch (mode.get()) {
      case "token":
        return byToken(ctx, token);
      case "basic":
        if (basic.isDefined()) {
          return byBasic(ctx, basic.get());
        }
        break;
      case "url":
      case "form":
        if (user.isDefined()) {
          return byPassword(ctx, user.get(), parameters.get("auth_pwd").getOrElse(""));
        }
        break;
      default:
        break;
    }
    throw new RestFailed(RestFailures.missingCredentials());
  }

  private Principal byToken(Context ctx, Option<String> token) {
    Either<AuthenticationFailure, AuthenticatedPrincipal> outcome =
        authenticate.authenticate(
            new AuthenticateCommand(
                token.toJavaList(), Scope.REST, ctx.method().name() + ENDPOINT_PATH, ctx.ip()));
    if (outcome.isLeft()) {
      AuthenticationFailure failure = outcome.getLeft();
      guard.tokenRefused(failure);
      if (isFailedAttempt(failure)) {
        guard.failedAttempt(ctx.ip());
      }
      throw new RestFailed(RestFailures.ofAuthentication(failure));
    }
    guard.tokenAuthenticated();
    return outcome.get().principal();
  }

  private Principal byBasic(Context ctx, String authorization) {
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      guard.failedAttempt(ctx.ip());
      throw new RestFailed(RestFailures.invalidCredentials());
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      guard.failedAttempt(ctx.ip());
      throw new RestFailed(RestFailures.invalidCredentials());
    }
    return byPassword(ctx, decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private Principal byPassword(Context ctx, String login, String password) {
    Either<UseCaseFailure, User> outcome =
        logIn.logInToRestServices(new LogInCommand(login, Password.of(password)));
    if (outcome.isLeft()) {
      if (outcome.getLeft() instanceof UseCaseFailure.InvalidCredentials) {
        guard.failedAttempt(ctx.ip());
      }
      throw new RestFailed(RestFailures.ofPasswordLogin(outcome.getLeft()));
    }
    return outcome.get();
  }

  /**
   * The token of the call, by precedence: header {@code Auth-Token}, {@code Authorization: Bearer},
   * parameter {@code auth_token} (body, then query).
   */
  private static Option<String> token(Context ctx, RestParameters parameters) {
    Option<String> header = header(ctx, AUTH_TOKEN_HEADER);
    if (header.isDefined()) {
      return header;
    }
    Option<String> bearer =
        header(ctx, "Authorization")
            .filter(value -> startsWithIgnoringCase(value, BEARER))
            .map(value -> value.substring(BEARER.length()).strip())
            .filter(value -> !value.isEmpty());
    if (bearer.isDefined()) {
      return bearer;
    }
    return parameters.nonEmpty("auth_token").map(String::strip).filter(value -> !value.isEmpty());
  }

  private static Option<String> header(Context ctx, String name) {
    List<String> values = java.util.Collections.list(ctx.req().getHeaders(name));
    return Option.ofOptional(
        values.stream().map(String::strip).filter(value -> !value.isEmpty()).findFirst());
  }

  private static boolean isBasic(String authorization) {
    return startsWithIgnoringCase(authorization, BASIC);
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.length() >= prefix.length()
        && text.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix);
  }

  /**
   * Whether a failure could be someone guessing values: a token that does not work at all. A
   * missing token, or a working token lacking a scope or profile, is not counted.
   */
  private static boolean isFailedAttempt(AuthenticationFailure failure) {
    return failure.reason().httpStatus() == 401
        && !(failure instanceof AuthenticationFailure.MissingCredentials);
  }
}
