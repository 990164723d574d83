package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.DeleteTokenUseCase;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.RefreshTokenUseCase;
import dev.tokensmith.application.port.in.RevokeTokenCommand;
import dev.tokensmith.application.port.in.RevokeTokenUseCase;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.TokenDetails;
import dev.tokensmith.application.port.in.TokenSummary;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.ViewTokenUseCase;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.AuthenticationFailureLog;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.ParsedToken;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenRules;
import dev.tokensmith.domain.token.Tombstone;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/** Viewing, refreshing, deleting and revoking tokens of either kind. */
public final class TokenService
    implements ViewTokenUseCase, RefreshTokenUseCase, DeleteTokenUseCase, RevokeTokenUseCase {
  private final TokenStore tokens;
  private final TokenAccess access;
  private final TokenIssuer issuer;
  private final TokenCodec codec;
  private final TokenDigester digester;
  private final AuthenticationFailureLog failures;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<TokenPolicy> policy;

  /** A service that shows tokens without the policy's inactivity limit (tests, tools). */
  public TokenService(
      TokenStore tokens,
      TokenCodec codec,
      TokenDigester digester,
      dev.tokensmith.application.port.out.RandomBytes random,
      AuthenticationFailureLog failures,
      AuditLog audit,
      Clock clock) {
    this(
        tokens,
        codec,
        digester,
        random,
        failures,
        audit,
        clock,
        () -> TokenPolicy.seed(Set.of(), TokenRules.DEFAULT));
  }

  /** {@code policy}: the token policy, read when a token is shown (when it stops). */
  public TokenService(
      TokenStore tokens,
      TokenCodec codec,
      TokenDigester digester,
      dev.tokensmith.application.port.out.RandomBytes random,
      AuthenticationFailureLog failures,
      AuditLog audit,
      Clock clock,
      Supplier<TokenPolicy> policy) {
    this.policy = policy;
    this.tokens = tokens;
    this.access = new TokenAccess(tokens);
    this.issuer = new TokenIssuer(codec, digester, random);
    this.codec = codec;
    this.digester = digester;
    this.failures = failures;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseFailure, TokenDetails> viewToken(TokenCommand command) {
    return access
        .tokenFor(command)
        .map(
            token ->
                new TokenDetails(
                    TokenSummary.of(token, clock.instant(), policy.get()),
                    failures.recent(token.id(), TokenDetails.RECENT_FAILURES)));
  }

  @Override
  public Either<UseCaseFailure, IssuedToken> refreshToken(TokenCommand command) {
    return access
        .tokenFor(command)
        .flatMap(
            token -> {
              Instant now = clock.instant();
              TokenIssuer.Issue issue = issuer.reissue(token.kind(), token.id());
              Token refreshed =
                  token.withCredential(token.credential().refreshed(issue.digest(), now));
              Option<UseCaseFailure> failed = access.update(token, refreshed);
              if (failed.isDefined()) {
                return Either.left(failed.get());
              }
              audit.record(
                  event(now, command.actor().login(), refreshed, AuditEvent.Action.REFRESHED, ""));
              return Either.right(
                  new IssuedToken(TokenSummary.of(refreshed, now, policy.get()), issue.value()));
            });
  }

  @Override
  public Either<UseCaseFailure, TokenId> deleteToken(TokenCommand command) {
    return access
        .tokenFor(command)
        .flatMap(
            token -> {
              Instant now = clock.instant();
              if (tokens.delete(token.id(), now, Tombstone.Cause.DELETED).isEmpty()) {
                return Either.left(notFound(command.id()));
              }
              audit.record(
                  event(now, command.actor().login(), token, AuditEvent.Action.DELETED, ""));
              return Either.right(token.id());
            });
  }

  @Override
  public boolean revokeToken(RevokeTokenCommand command) {
    Either<?, ParsedToken> parsed = codec.parse(command.value());
    if (parsed.isLeft()) {
      return false;
    }
    ParsedToken presented = parsed.get();
    if (!(tokens.lookup(presented.id()) instanceof TokenLookup.Found found)
        || found.token().kind() != presented.kind()
        || !digester.matches(
            presented.id(), presented.secret(), found.token().credential().digest())) {
      return false;
    }
    Instant now = clock.instant();
    if (tokens.delete(presented.id(), now, Tombstone.Cause.REVOKED).isEmpty()) {
      return false;
    }
    audit.record(
        event(
            now,
            "anonymous",
            found.token(),
            AuditEvent.Action.REVOKED,
            "revoked by value from " + command.clientAddress()));
    return true;
  }

  static AuditEvent event(
      Instant at, String actor, Token token, AuditEvent.Action action, String detail) {
    String owner =
        token instanceof PersonalToken personal
            ? personal.ownerLogin()
            : ((Principal) token).login();
    return new AuditEvent(at, actor, owner, token.id(), action, detail);
  }

  private static UseCaseFailure notFound(TokenId id) {
    return new UseCaseFailure.NotFound("No token " + id + ".");
  }
}
