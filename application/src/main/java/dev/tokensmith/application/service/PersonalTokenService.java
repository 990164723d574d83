package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenUseCase;
import dev.tokensmith.application.port.in.EditPersonalTokenCommand;
import dev.tokensmith.application.port.in.EditPersonalTokenUseCase;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.ListMyPersonalTokensUseCase;
import dev.tokensmith.application.port.in.ListPersonalTokensQuery;
import dev.tokensmith.application.port.in.ListPersonalTokensUseCase;
import dev.tokensmith.application.port.in.Page;
import dev.tokensmith.application.port.in.PageRequest;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.TokenSummary;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.PersonalTokenFilter;
import dev.tokensmith.application.port.out.RandomBytes;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.account.Violation;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
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
  private final Supplier<TokenPolicy> policy;
  private final AuditLog audit;
  private final Clock clock;

  public PersonalTokenService(
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
  public Either<UseCaseFailure, Page<TokenSummary>> listMyPersonalTokens(
      Principal actor, PageRequest page) {
    return TokenAccess.asUser(actor, accounts)
        .flatMap(user -> page(PersonalTokenFilter.ownedBy(user.id()), page));
  }

  private Either<UseCaseFailure, Page<TokenSummary>> page(
      PersonalTokenFilter filter, PageRequest page) {
    Either<UseCaseFailure, Integer> limit = Pages.limit(page);
    if (limit.isLeft()) {
      return Either.left(limit.getLeft());
    }
    Either<UseCaseFailure, Option<TokenPosition>> after = Pages.tokenPosition(page);
    if (after.isLeft()) {
      return Either.left(after.getLeft());
    }
    Instant now = clock.instant();
    List<PersonalToken> rows = tokens.personalTokens(filter, after.get(), limit.get() + 1);
    Option<Counted> count =
        Pages.countOnFirstPage(
            page, () -> tokens.countPersonalTokens(filter, Pages.EXACT_COUNT_UP_TO));
    TokenPolicy current = policy.get();
    return Either.right(
        Pages.ofTokens(rows, limit.get(), count, t -> TokenSummary.of(t, now, current)));
  }

  @Override
  public Either<UseCaseFailure, IssuedToken> createPersonalToken(
      CreatePersonalTokenCommand command) {
    Either<UseCaseFailure, User> owner = TokenAccess.asUser(command.actor(), accounts);
    if (owner.isLeft()) {
      return Either.left(owner.getLeft());
    }
    User user = owner.get();
    TokenPolicy current = policy.get();
    if (user.profiles().stream().noneMatch(current.personalTokenProfileSet()::contains)) {
      return Either.left(
          new UseCaseFailure.Forbidden(
              "Personal tokens are for users holding one of the profiles "
                  + String.join(
                      ", ",
                      current.personalTokenProfileSet().stream()
                          .map(p -> p.name())
                          .sorted()
                          .toList())
                  + "; "
                  + user.login()
                  + " holds none of them."));
    }
    Instant now = clock.instant();
    Either<UseCaseFailure, String> application =
        current.rules().application(command.application()).mapLeft(InvalidInput::of);
    if (application.isLeft()) {
      return Either.left(application.getLeft());
    }
    Either<UseCaseFailure, Set<Scope>> granted =
        Inputs.scopes(scopes.get(), command.scopes())
            .flatMap(
                parsed ->
                    current
                        .personalScopes(user.profiles(), parsed, Set.of())
                        .mapLeft(InvalidInput::of));
    if (granted.isLeft()) {
      return Either.left(granted.getLeft());
    }
    Either<UseCaseFailure, Option<Instant>> expiry =
        current.expiry(command.expiresAt(), now).mapLeft(InvalidInput::of);
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
    return Either.right(new IssuedToken(TokenSummary.of(token, now, current), issue.value()));
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
    TokenPolicy current = policy.get();
    PersonalToken edited = token;
    if (command.application().isDefined()) {
      Either<UseCaseFailure, String> application =
          current.rules().application(command.application().get()).mapLeft(InvalidInput::of);
      if (application.isLeft()) {
        return Either.left(application.getLeft());
      }
      edited = edited.withApplication(application.get());
    }
    Either<UseCaseFailure, Credential> credential =
        Settings.edit(
            edited.credential(), command.scopes(), command.expiresAt(), scopes, current, now);
    if (credential.isLeft()) {
      return Either.left(credential.getLeft());
    }
    Option<Set<Profile>> ownerProfiles = accounts.user(token.ownerId()).map(User::profiles);
    if (command.scopes().isDefined()) {
      // scopes the token already has may stay (they stop at its policy deadline); new ones must
      // be allowed to the owner's profiles
      Either<Violation, Set<Scope>> allowed =
          current.personalScopes(
              ownerProfiles.getOrElse(Set.of()), credential.get().scopes(), token.scopes());
      if (allowed.isLeft()) {
        return Either.left(InvalidInput.of(allowed.getLeft()));
      }
    }
    edited = edited.withCredential(Settings.fitting(credential.get(), current, ownerProfiles, now));
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
  public Either<UseCaseFailure, Page<TokenSummary>> listPersonalTokens(
      ListPersonalTokensQuery query) {
    Either<UseCaseFailure, Principal> admin = TokenAccess.administrator(query.actor());
    if (admin.isLeft()) {
      return Either.left(admin.getLeft());
    }
    Either<UseCaseFailure, PersonalTokenFilter> filter = filter(query, clock.instant());
    if (filter.isLeft()) {
      return Either.left(filter.getLeft());
    }
    if (query.ownerLogin().isDefined() && filter.get().owner().isEmpty()) {
      // no such user: no token, but the page and cursor must still be valid
      return Pages.limit(query.page())
          .flatMap(limit -> Pages.tokenPosition(query.page()))
          .map(after -> new Page<>(List.of(), Option.none(), Option.some(new Page.Count(0, true))));
    }
    return page(filter.get(), query.page());
  }

  /** Longest window of the day-counting filters: beyond it the arithmetic leaves the calendar. */
  private static final int MAX_DAYS = 36_500;

  private Either<UseCaseFailure, PersonalTokenFilter> filter(
      ListPersonalTokensQuery query, Instant now) {
    if (query.ownerLogin().exists(login -> login.indexOf('\0') >= 0 || login.length() > 255)) {
      return Either.left(
          new InvalidInput("owner", "owner must be a login: at most 255 characters, without NUL"));
    }
    Option<UserId> owner =
        query.ownerLogin().flatMap(login -> accounts.userByLogin(login).map(User::id));
    Option<String> scope = Option.none();
    if (query.scope().isDefined()) {
      Either<String, Scope> parsed = scopes.get().parse(query.scope().get());
      if (parsed.isLeft()) {
        return Either.left(new InvalidInput("scope", parsed.getLeft()));
      }
      scope = Option.some(parsed.get().name());
    }
    Option<String> application = query.application();
    if (application.exists(text -> text.indexOf('\0') >= 0 || text.length() > 255)) {
      return Either.left(
          new InvalidInput(
              "application", "application must be at most 255 characters, without NUL"));
    }
    Option<Integer> expiring = query.expiringWithinDays();
    if (expiring.exists(days -> days < 1 || days > MAX_DAYS)) {
      return Either.left(
          new InvalidInput(
              "expiringWithinDays", "expiringWithinDays must be from 1 to " + MAX_DAYS + " days"));
    }
    Option<Integer> unused = query.unusedForDays();
    if (unused.exists(days -> days < 1 || days > MAX_DAYS)) {
      return Either.left(
          new InvalidInput(
              "unusedForDays", "unusedForDays must be from 1 to " + MAX_DAYS + " days"));
    }
    Option<PersonalTokenFilter.Stopped> stopped = Option.none();
    if (query.expiredOnly()) {
      // what the authentication would answer now: the policy of this moment decides inactivity
      TokenPolicy current = policy.get();
      stopped =
          Option.some(
              new PersonalTokenFilter.Stopped(
                  now,
                  current.inactivityDays().map(days -> now.minus(Duration.ofDays(days))),
                  current.inactivityCountsFrom()));
    }
    return Either.right(
        new PersonalTokenFilter(
            owner,
            application,
            scope,
            Option.none(),
            expiring.map(days -> now),
            expiring.map(days -> now.plus(Duration.ofDays(days))),
            unused.map(days -> now.minus(Duration.ofDays(days))),
            stopped));
  }
}
