package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.AuthenticateUseCase;
import dev.tokensmith.application.port.in.IntrospectTokenUseCase;
import dev.tokensmith.application.port.in.Introspection;
import dev.tokensmith.application.port.out.AuthenticationFailureLog;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenPolicyStore;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.port.out.UsageRecorder;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.authentication.Authenticator;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.authentication.SecretMatch;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.ParsedToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenCodec;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Authenticates token values in the order of DESIGN §2: presence, format, existence, secret, then
 * the {@link Authenticator}'s checks. One store read; on success one usage write, and nothing else:
 * only a refused token spends its address's budget of failed attempts.
 */
public final class AuthenticationService implements AuthenticateUseCase, IntrospectTokenUseCase {
  private final TokenCodec codec;
  private final TokenStore tokens;
  private final TokenDigester digester;
  private final UsageRecorder usage;
  private final AuthenticationFailureLog failures;
  private final Authenticator authenticator;
  private final FailedAttempts attempts;
  private final TokenPolicyStore policies;
  private final Clock clock;

  AuthenticationService(
      TokenCodec codec,
      TokenStore tokens,
      TokenDigester digester,
      UsageRecorder usage,
      AuthenticationFailureLog failures,
      Authenticator authenticator,
      FailedAttempts attempts,
      TokenPolicyStore policies,
      Clock clock) {
    this.policies = policies;
    this.codec = codec;
    this.tokens = tokens;
    this.digester = digester;
    this.usage = usage;
    this.failures = failures;
    this.authenticator = authenticator;
    this.attempts = attempts;
    this.clock = clock;
  }

  @Override
  public Either<AuthenticationFailure, AuthenticatedPrincipal> authenticate(
      AuthenticateCommand command) {
    List<String> distinct = command.presented().stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Either.left(new AuthenticationFailure.MissingCredentials());
    }
    if (distinct.size() > 1) {
      return Either.left(new AuthenticationFailure.AmbiguousCredentials());
    }
    Instant now = clock.instant();
    String address = command.clientAddress();
    Either<AuthenticationFailure, AuthenticatedPrincipal> checked =
        check(distinct.get(0), Option.some(command.required()), now);
    if (checked.isRight()) {
      return Either.right(recordUse(checked.get(), now, address));
    }
    AuthenticationFailure refused = checked.getLeft();
    AuthenticationFailure answered = attempts.tokenRefused(refused, address, now);
    if (isOfStoredToken(refused)) {
      // only failures of an existing token reach its owner: unknown ids would let anyone fill a log
      failures.record(
          refused.tokenId().get(), RecordedFailure.of(answered, now, address, command.endpoint()));
    }
    return Either.left(answered);
  }

  @Override
  public Introspection introspectToken(String value) {
    return new Introspection(check(value, Option.none(), clock.instant()));
  }

  /** Whether {@code failure} was decided on a stored token (so its owner may see it). */
  private static boolean isOfStoredToken(AuthenticationFailure failure) {
    return failure.tokenId().isDefined()
        && !(failure instanceof AuthenticationFailure.UnknownToken)
        && !(failure instanceof AuthenticationFailure.TokenDeleted);
  }

  private Either<AuthenticationFailure, AuthenticatedPrincipal> check(
      String value, Option<Scope> required, Instant now) {
    Either<AuthenticationFailure, ParsedToken> parsed =
        codec.parse(value).mapLeft(AuthenticationFailure.MalformedToken::new);
    if (parsed.isLeft()) {
      return Either.left(parsed.getLeft());
    }
    ParsedToken presented = parsed.get();
    TokenLookup lookup = tokens.lookup(presented.id());
    if (lookup instanceof TokenLookup.Deleted deleted) {
      return Either.left(
          new AuthenticationFailure.TokenDeleted(presented.id(), deleted.tombstone().deletedAt()));
    }
    if (!(lookup instanceof TokenLookup.Found found) || found.token().kind() != presented.kind()) {
      return Either.left(new AuthenticationFailure.UnknownToken(presented.id()));
    }
    // the policy read with the token (one statement); a store that did not read it is asked
    TokenPolicy policy = found.policy().getOrElse(policies::current);
    return authenticator.decide(
        found.token(), found.principal(), match(found.token(), presented), required, now, policy);
  }

  private SecretMatch match(Token token, ParsedToken presented) {
    Credential credential = token.credential();
    if (digester.matches(presented.id(), presented.secret(), credential.digest())) {
      return SecretMatch.CURRENT;
    }
    boolean previous =
        credential
            .lastRefresh()
            .exists(
                refresh ->
                    digester.matches(presented.id(), presented.secret(), refresh.previousDigest()));
    return previous ? SecretMatch.PREVIOUS : SecretMatch.NONE;
  }

  private AuthenticatedPrincipal recordUse(
      AuthenticatedPrincipal authenticated, Instant now, String address) {
    Token token = authenticated.token();
    usage.recordUse(token.id(), now, address);
    Token used =
        token.withCredential(token.credential().withUsage(token.usage().recorded(now, address)));
    // an application token is its own principal, so the principal is the used token too
    Principal principal =
        used instanceof ApplicationToken application ? application : authenticated.principal();
    return new AuthenticatedPrincipal(principal, used);
  }
}
