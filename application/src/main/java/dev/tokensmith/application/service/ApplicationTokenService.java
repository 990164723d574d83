package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.CreateApplicationTokenCommand;
import dev.tokensmith.application.port.in.CreateApplicationTokenUseCase;
import dev.tokensmith.application.port.in.EditApplicationTokenCommand;
import dev.tokensmith.application.port.in.EditApplicationTokenUseCase;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.ListApplicationTokensUseCase;
import dev.tokensmith.application.port.in.Page;
import dev.tokensmith.application.port.in.PageRequest;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.TokenSummary;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.RandomBytes;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Logins;
import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Administrators' creation, listing and editing of application tokens. */
public final class ApplicationTokenService
    implements CreateApplicationTokenUseCase,
        EditApplicationTokenUseCase,
        ListApplicationTokensUseCase {
  private final TokenStore tokens;
  private final AccountDirectory accounts;
  private final TokenAccess access;
  private final TokenIssuer issuer;
  private final Supplier<ScopeCatalog> scopes;
  private final Supplier<TokenPolicy> policy;
  private final AuditLog audit;
  private final Clock clock;

  public ApplicationTokenService(
      TokenStore tokens,
      AccountDirectory accounts,
      TokenCodec codec,
      TokenDigester digester,
      RandomBytes random,
      Supplier<ScopeCatalog> scopes,
      Supplier<TokenPolicy> policy,
      AuditLog audit,
      Clock clock) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.access = new TokenAccess(tokens);
    this.issuer = new TokenIssuer(codec, digester, random);
    this.scopes = scopes;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseFailure, IssuedToken> createApplicationToken(
      CreateApplicationTokenCommand command) {
    Either<UseCaseFailure, Principal> admin = TokenAccess.administrator(command.actor());
    if (admin.isLeft()) {
      return Either.left(admin.getLeft());
    }
    String loginProblem = Logins.problem(command.login());
    if (loginProblem != null) {
      return Either.left(new InvalidInput("login", loginProblem));
    }
    if (tokens.applicationTokenByLogin(command.login()).isDefined()) {
      return Either.left(loginTaken(command.login()));
    }
    Either<UseCaseFailure, Organization> organization = organization(command.organization());
    if (organization.isLeft()) {
      return Either.left(organization.getLeft());
    }
    Either<UseCaseFailure, Set<Profile>> profiles = Inputs.profiles(command.profiles());
    if (profiles.isLeft()) {
      return Either.left(profiles.getLeft());
    }
    Either<UseCaseFailure, Set<Scope>> granted = Inputs.scopes(scopes.get(), command.scopes());
    if (granted.isLeft()) {
      return Either.left(granted.getLeft());
    }
    Instant now = clock.instant();
    TokenPolicy current = policy.get();
    Either<UseCaseFailure, Option<Instant>> expiry =
        current.expiry(command.expiresAt(), now).mapLeft(InvalidInput::of);
    if (expiry.isLeft()) {
      return Either.left(expiry.getLeft());
    }
    TokenIssuer.Issue issue = issuer.issue(TokenKind.APPLICATION);
    ApplicationToken token =
        new ApplicationToken(
            Credential.issued(issue.id(), granted.get(), issue.digest(), now, expiry.get()),
            command.login(),
            Status.ENABLED,
            organization.get(),
            profiles.get());
    try {
      tokens.add(token);
    } catch (AlreadyTaken e) {
      return Either.left(loginTaken(command.login())); // taken by a concurrent request
    }
    audit.record(
        TokenService.event(now, command.actor().login(), token, AuditEvent.Action.CREATED, ""));
    return Either.right(new IssuedToken(TokenSummary.of(token, now, current), issue.value()));
  }

  @Override
  public Either<UseCaseFailure, TokenSummary> editApplicationToken(
      EditApplicationTokenCommand command) {
    return access
        .tokenFor(new TokenCommand(command.actor(), TokenKind.APPLICATION, command.id()))
        .flatMap(token -> edit((ApplicationToken) token, command));
  }

  private Either<UseCaseFailure, TokenSummary> edit(
      ApplicationToken token, EditApplicationTokenCommand command) {
    Instant now = clock.instant();
    Status status = token.status();
    if (command.status().isDefined()) {
      Either<UseCaseFailure, Status> parsed = Inputs.status(command.status().get());
      if (parsed.isLeft()) {
        return Either.left(parsed.getLeft());
      }
      status = parsed.get();
    }
    Organization organization = token.organization();
    if (command.organization().isDefined()) {
      Either<UseCaseFailure, Organization> found = organization(command.organization().get());
      if (found.isLeft()) {
        return Either.left(found.getLeft());
      }
      organization = found.get();
    }
    Set<Profile> profiles = token.profiles();
    if (command.profiles().isDefined()) {
      Either<UseCaseFailure, Set<Profile>> parsed = Inputs.profiles(command.profiles().get());
      if (parsed.isLeft()) {
        return Either.left(parsed.getLeft());
      }
      profiles = parsed.get();
    }
    TokenPolicy current = policy.get();
    Either<UseCaseFailure, Credential> credential =
        Settings.edit(
            token.credential(), command.scopes(), command.expiresAt(), scopes, current, now);
    if (credential.isLeft()) {
      return Either.left(credential.getLeft());
    }
    ApplicationToken edited =
        token
            .withPrincipal(status, organization, profiles)
            .withCredential(Settings.fitting(credential.get(), current, Option.none(), now));
    Option<UseCaseFailure> failed = access.update(token, edited);
    if (failed.isDefined()) {
      return Either.left(failed.get());
    }
    if (token.credential().policyDeadline().isDefined()
        && edited.credential().policyDeadline().isEmpty()) {
      // the owner made it fit the policy again: it no longer stops at the deadline
      tokens.setPolicyDeadline(List.of(token.id()), Option.none());
    }
    audit.record(
        TokenService.event(now, command.actor().login(), edited, AuditEvent.Action.EDITED, ""));
    return Either.right(TokenSummary.of(edited, now, current));
  }

  @Override
  public Either<UseCaseFailure, Page<TokenSummary>> listApplicationTokens(
      Principal actor, PageRequest page) {
    Either<UseCaseFailure, Principal> admin = TokenAccess.administrator(actor);
    if (admin.isLeft()) {
      return Either.left(admin.getLeft());
    }
    Either<UseCaseFailure, Integer> limit = Pages.limit(page);
    if (limit.isLeft()) {
      return Either.left(limit.getLeft());
    }
    Either<UseCaseFailure, Option<TokenPosition>> after = Pages.tokenPosition(page);
    if (after.isLeft()) {
      return Either.left(after.getLeft());
    }
    Instant now = clock.instant();
    List<ApplicationToken> rows = tokens.applicationTokens(after.get(), limit.get() + 1);
    Option<Counted> count =
        Pages.countOnFirstPage(page, () -> tokens.countApplicationTokens(Pages.EXACT_COUNT_UP_TO));
    TokenPolicy current = policy.get();
    return Either.right(
        Pages.ofTokens(rows, limit.get(), count, t -> TokenSummary.of(t, now, current)));
  }

  private static UseCaseFailure loginTaken(String login) {
    return new UseCaseFailure.Conflict(
        "login", "An application token with login " + login + " exists already.");
  }

  private Either<UseCaseFailure, Organization> organization(String name) {
    String problem = Names.problem("organization", name);
    if (problem != null) {
      return Either.left(new InvalidInput("organization", problem));
    }
    return accounts
        .organizationByName(name.strip())
        .toEither(
            () ->
                (UseCaseFailure)
                    new InvalidInput("organization", "no organization is named '" + name + "'"));
  }
}
