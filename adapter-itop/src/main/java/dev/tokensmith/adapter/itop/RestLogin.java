package dev.tokensmith.adapter.itop;

import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.AuthenticateUseCase;
import dev.tokensmith.application.port.in.FailedSignInUseCase;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.LogInToRestServicesUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.input.StorableText;
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
 * Tokens need scope {@code rest}; both ways apply the REST-services profile rule. The use cases
 * spend and check the budgets of failed attempts (a working token is never refused for them); a
 * refusal for a spent budget is code 1 with {@code rate_limited} in the failure header.
 */
final class RestLogin {
  static final String AUTH_TOKEN_HEADER = "Auth-Token";
  static final String ENDPOINT_PATH = " /webservices/rest.php";
  private static final String BEARER = "bearer ";
  private static final String BASIC = "basic ";

  private final AuthenticateUseCase authenticate;
  private final LogInToRestServicesUseCase logIn;
  private final FailedSignInUseCase failedSignIn;
  private final LoginGuard guard;

  RestLogin(
      AuthenticateUseCase authenticate,
      LogInToRestServicesUseCase logIn,
      FailedSignInUseCase failedSignIn,
      LoginGuard guard) {
    this.authenticate = authenticate;
    this.logIn = logIn;
    this.failedSignIn = failedSignIn;
    this.guard = guard;
  }

  /** Who makes the call; code 1 with iTop's message when nobody could be logged in. */
  Principal principal(Context ctx, RestParameters parameters) {
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
      throw malformedCredentials(ctx);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw malformedCredentials(ctx);
    }
    return byPassword(ctx, decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /**
   * Credentials that cannot be read or could be nobody's (text the database cannot store): a wrong
   * password of no known login, spending the address's budget, with iTop's answer.
   */
  private RestFailed malformedCredentials(Context ctx) {
    return new RestFailed(
        RestFailures.ofPasswordLogin(failedSignIn.failedSignIn(Option.none(), ctx.ip())));
  }

  private Principal byPassword(Context ctx, String login, String password) {
    if (!StorableText.isStorable(login) || !StorableText.isStorable(password)) {
      // never a lookup the database would refuse
      throw malformedCredentials(ctx);
    }
    Either<UseCaseFailure, User> outcome =
        logIn.logInToRestServices(new LogInCommand(login, Password.of(password), ctx.ip()));
    if (outcome.isLeft()) {
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
}
