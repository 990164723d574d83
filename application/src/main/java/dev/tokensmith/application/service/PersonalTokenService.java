package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenUseCase;
import dev.tokensmith.application.port.in.EditPersonalTokenCommand;
import dev.tokensmith.application.port.in.EditPersonalTokenUseCase;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.ListMyPersonalTokensUseCase;
import dev.tokensmith.application.port.in.ListPersonalTokensQuery;
import dev.tokensmith.application.port.in.ListPersonalTokensUseCase;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.TokenSummary;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.RandomBytes;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticationPolicy;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Creating, listing and editing personal tokens. */
public final class PersonalTokenService
    implements ListMyPersonalTokensUseCase,
        CreatePersonalTokenUseCase,
        EditPersonalTokenUseCase,
        ListPersonalTokensUseCase {
  private final TokenStore tokens;
  private final AccountDirectory accounts;
  private final TokenAccess access;
  private final TokenIssuer issuer;
  private final Supplier<ScopeCatalog> scopes;
  private final TokenRules rules;
  private final AuthenticationPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  public PersonalTokenService(
      TokenStore tokens,
      AccountDirectory accounts,
      TokenCodec codec,
      TokenDigester digester,
      RandomBytes random,
      Supplier<ScopeCatalog> scopes,
      TokenRules rules,
      AuthenticationPolicy policy,
      AuditLog audit,
      Clock clock) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.access = new TokenAccess(tokens);
    this.issuer = new TokenIssuer(codec, digester, random);
    this.scopes = scopes;
    this.rules = rules;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseFailure, List<TokenSummary>> listMyPersonalTokens(Principal actor) {
    Instant now = clock.instant();
    return TokenAccess.asUser(actor, accounts)
        .map(
            user ->
                tokens.personalTokensOf(user.id()).stream()
                    .map(token -> TokenSummary.of(token, now))
                    .toList());
  }

  @Override
  public Either<UseCaseFailure, IssuedToken> createPersonalToken(
      CreatePersonalTokenCommand command) {
    Either<UseCaseFailure, User> owner = TokenAccess.asUser(command.actor(), accounts);
    if (owner.isLeft()) {
      return Either.left(owner.getLeft());
    }
    User user = owner.get();
    if (!policy.mayOwnPersonalTokens(user)) {
      return Either.left(
          new UseCaseFailure.Forbidden(
              "Personal tokens are for users holding one of the profiles "
                  + String.join(
                      ", ",
                      policy.personalTokenProfiles().stream().map(p -> p.name()).sorted().toList())
                  + "; "
                  + user.login()
                  + " holds none of them."));
    }
    Instant now = clock.instant();
    Either<UseCaseFailure, String> application =
        rules.application(command.application()).mapLeft(InvalidInput::of);
    if (application.isLeft()) {
      return Either.left(application.getLeft());
    }
    Either<UseCaseFailure, Set<Scope>> granted = Inputs.scopes(scopes.get(), command.scopes());
    if (granted.isLeft()) {
      return Either.left(granted.getLeft());
    }
    Either<UseCaseFailure, Option<Instant>> expiry =
        rules.expiry(command.expiresAt(), now).mapLeft(InvalidInput::of);
    if (expiry.isLeft()) {
      return Either.left(expiry.getLeft());
    }
    TokenIssuer.Issue issue = issuer.issue(TokenKind.PERSONAL);
    PersonalToken token =
        new PersonalToken(
            Credential.issued(issue.id(), granted.get(), issue.digest(), now, expiry.get()),
            user.id(),
            user.login(),
            application.get());
    tokens.add(token);
    audit.record(TokenService.event(now, user.login(), token, AuditEvent.Action.CREATED, ""));
    return Either.right(new IssuedToken(TokenSummary.of(token, now), issue.value()));
  }

  @Override
  public Either<UseCaseFailure, TokenSummary> editPersonalToken(EditPersonalTokenCommand command) {
    return access
        .tokenFor(new TokenCommand(command.actor(), TokenKind.PERSONAL, command.id()))
        .flatMap(token -> edit((PersonalToken) token, command));
  }

  private Either<UseCaseFailure, TokenSummary> edit(
      PersonalToken token, EditPersonalTokenCommand command) {
    Instant now = clock.instant();
    PersonalToken edited = token;
    if (command.application().isDefined()) {
      Either<UseCaseFailure, String> application =
          rules.application(command.application().get()).mapLeft(InvalidInput::of);
      if (application.isLeft()) {
        return Either.left(application.getLeft());
      }
      edited = edited.withApplication(application.get());
    }
    Either<UseCaseFailure, Credential> credential =
        Settings.edit(
            edited.credential(), command.scopes(), command.expiresAt(), scopes, rules, now);
    if (credential.isLeft()) {
      return Either.left(credential.getLeft());
    }
    edited = edited.withCredential(credential.get());
    Option<UseCaseFailure> failed = access.update(token, edited);
    if (failed.isDefined()) {
      return Either.left(failed.get());
    }
    audit.record(
        TokenService.event(now, command.actor().login(), edited, AuditEvent.Action.EDITED, ""));
    return Either.right(TokenSummary.of(edited, now));
  }

  @Override
  public Either<UseCaseFailure, List<TokenSummary>> listPersonalTokens(
      ListPersonalTokensQuery query) {
    Instant now = clock.instant();
    return TokenAccess.administrator(query.actor())
        .map(
            admin ->
                tokens.personalTokens().stream()
                    .filter(t -> query.ownerLogin().forAll(t.ownerLogin()::equals))
                    .map(t -> TokenSummary.of(t, now))
                    .filter(s -> !query.expiredOnly() || s.expired())
                    .filter(s -> !query.expiringOnly() || s.expiresSoon())
                    .toList());
  }
}
