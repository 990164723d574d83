package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.PersonalTokenFilter;
import dev.tokensmith.application.port.out.PolicySubject;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.port.out.UsageRecorder;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Tombstone;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link TokenStore} and {@link UsageRecorder} in memory; principals come from the directory. */
public final class InMemoryTokenStore implements TokenStore, UsageRecorder {
  private final Map<TokenId, Token> tokens = new LinkedHashMap<>();
  private final Map<TokenId, Tombstone> tombstones = new LinkedHashMap<>();
  private final AccountDirectory accounts;

  public InMemoryTokenStore(AccountDirectory accounts) {
    this.accounts = accounts;
  }

  @Override
  public synchronized TokenLookup lookup(TokenId id) {
    Token token = current(tokens.get(id));
    if (token instanceof ApplicationToken application) {
      return new TokenLookup.Found(application, application);
    }
    if (token instanceof PersonalToken personal) {
      return accounts
          .user(personal.ownerId())
          .<TokenLookup>map(owner -> new TokenLookup.Found(personal, owner.asTokenOwner()))
          .getOrElse(() -> new TokenLookup.Unknown(id));
    }
    Tombstone tombstone = tombstones.get(id);
    return tombstone != null ? new TokenLookup.Deleted(tombstone) : new TokenLookup.Unknown(id);
  }

  @Override
  public synchronized Option<Token> find(TokenId id) {
    return Option.of(tokens.get(id)).map(this::current);
  }

  /** A user's personal tokens, newest first (a helper of the fake, not of the port). */
  public synchronized List<PersonalToken> personalTokensOf(UserId owner) {
    return allPersonalTokens().stream().filter(t -> t.ownerId().equals(owner)).toList();
  }

  /** Every personal token, newest first (a helper of the fake, not of the port). */
  public synchronized List<PersonalToken> allPersonalTokens() {
    return tokens.values().stream()
        .filter(PersonalToken.class::isInstance)
        .map(PersonalToken.class::cast)
        .sorted(IN_LIST_ORDER)
        .toList();
  }

  /** Every application token, newest first (a helper of the fake, not of the port). */
  public synchronized List<ApplicationToken> allApplicationTokens() {
    return tokens.values().stream()
        .filter(ApplicationToken.class::isInstance)
        .map(this::current)
        .map(ApplicationToken.class::cast)
        .sorted(IN_LIST_ORDER)
        .toList();
  }

  private static final Comparator<Token> IN_LIST_ORDER =
      Comparator.<Token, Instant>comparing(t -> t.credential().createdAt())
          .thenComparing(Token::id, TokenPosition::compareIds)
          .reversed();

  @Override
  public synchronized List<PersonalToken> personalTokens(
      PersonalTokenFilter filter, Option<TokenPosition> after, int limit) {
    return allPersonalTokens().stream()
        .filter(t -> matches(filter, t))
        .filter(t -> after.forAll(p -> p.isFollowedBy(t.credential().createdAt(), t.id())))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Counted countPersonalTokens(PersonalTokenFilter filter, int exactUpTo) {
    List<PersonalToken> range =
        allPersonalTokens().stream()
            .filter(t -> filter.owner().forAll(t.ownerId()::equals))
            .toList();
    long matching = range.stream().filter(t -> matches(filter, t)).count();
    return new Counted(matching, range.size() <= exactUpTo);
  }

  private static boolean matches(PersonalTokenFilter filter, PersonalToken token) {
    Credential credential = token.credential();
    Option<Instant> expiry = credential.expiresAt();
    Instant lastActive = token.usage().lastUsedAt().getOrElse(credential.createdAt());
    return filter.owner().forAll(token.ownerId()::equals)
        && filter
            .applicationLowerCase()
            .forAll(text -> token.application().toLowerCase(Locale.ROOT).contains(text))
        && filter
            .scope()
            .forAll(name -> credential.scopes().stream().anyMatch(s -> s.name().equals(name)))
        && filter.expiredBy().forAll(at -> expiry.exists(e -> !e.isAfter(at)))
        && filter.liveAt().forAll(at -> expiry.exists(e -> e.isAfter(at)))
        && filter.expiresBefore().forAll(at -> expiry.exists(e -> e.isBefore(at)))
        && filter.unusedSince().forAll(lastActive::isBefore)
        && filter
            .stopped()
            .forAll(
                stopped ->
                    stopped.matches(
                        expiry, credential.policyDeadline(), lastActivity(stopped, credential)));
  }

  /** The latest of creation, last use, last refresh and the start of the inactivity rule. */
  private static Instant lastActivity(PersonalTokenFilter.Stopped stopped, Credential credential) {
    Instant latest = credential.createdAt();
    for (Option<Instant> at :
        List.of(
            credential.usage().lastUsedAt(),
            credential.refreshedAt(),
            stopped.inactivityCountsFrom())) {
      if (at.isDefined() && at.get().isAfter(latest)) {
        latest = at.get();
      }
    }
    return latest;
  }

  @Override
  public synchronized List<ApplicationToken> applicationTokens(
      Option<TokenPosition> after, int limit) {
    return allApplicationTokens().stream()
        .filter(t -> after.forAll(p -> p.isFollowedBy(t.credential().createdAt(), t.id())))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Counted countApplicationTokens(int exactUpTo) {
    long count = tokens.values().stream().filter(ApplicationToken.class::isInstance).count();
    return new Counted(count, count <= exactUpTo);
  }

  @Override
  public synchronized Option<ApplicationToken> applicationTokenByLogin(String login) {
    return Option.ofOptional(
        allApplicationTokens().stream().filter(t -> t.login().equals(login)).findFirst());
  }

  @Override
  public synchronized void add(Token token) {
    if (tokens.containsKey(token.id()) || tombstones.containsKey(token.id())) {
      throw new IllegalStateException("token id in use");
    }
    if (token instanceof ApplicationToken application
        && applicationTokenByLogin(application.login()).isDefined()) {
      throw new AlreadyTaken("application token login taken: " + application.login());
    }
    tokens.put(token.id(), token);
  }

  @Override
  public synchronized UpdateOutcome update(Token token, SecretDigest expected) {
    Token old = tokens.get(token.id());
    if (old == null || old.kind() != token.kind()) {
      return UpdateOutcome.NOT_FOUND;
    }
    if (!old.credential().digest().equals(expected)) {
      return UpdateOutcome.CHANGED_MEANWHILE;
    }
    // as the database: an update never clears a policy deadline (setPolicyDeadline does)
    var deadline = token.credential().policyDeadline().orElse(old.credential().policyDeadline());
    tokens.put(
        token.id(),
        token.withCredential(
            token.credential().withUsage(old.usage()).withPolicyDeadline(deadline)));
    return UpdateOutcome.UPDATED;
  }

  @Override
  public synchronized Option<Tombstone> delete(TokenId id, Instant at, Tombstone.Cause cause) {
    if (tokens.remove(id) == null) {
      return Option.none();
    }
    Tombstone tombstone = new Tombstone(id, at, cause);
    tombstones.put(id, tombstone);
    return Option.some(tombstone);
  }

  @Override
  public synchronized List<Tombstone> deletePersonalTokensOf(UserId owner, Instant at) {
    List<Tombstone> deleted = new ArrayList<>();
    for (PersonalToken token : personalTokensOf(owner)) {
      delete(token.id(), at, Tombstone.Cause.DELETED).forEach(deleted::add);
    }
    return deleted;
  }

  @Override
  public synchronized List<PolicySubject> policySubjects(Option<TokenPosition> after, int limit) {
    return tokens.values().stream()
        .map(this::current)
        .sorted(IN_LIST_ORDER)
        .filter(t -> after.forAll(p -> p.isFollowedBy(t.credential().createdAt(), t.id())))
        .limit(limit)
        .map(
            t ->
                new PolicySubject(
                    t,
                    t instanceof PersonalToken personal
                        ? Option.some(
                            accounts
                                .user(personal.ownerId())
                                .map(u -> u.profiles())
                                .getOrElse(java.util.Set.of()))
                        : Option.none()))
        .toList();
  }

  @Override
  public synchronized void setPolicyDeadline(
      java.util.Collection<TokenId> ids, Option<Instant> deadline) {
    for (TokenId id : ids) {
      tokens.computeIfPresent(
          id,
          (key, token) -> token.withCredential(token.credential().withPolicyDeadline(deadline)));
    }
  }

  @Override
  public synchronized void recordUse(TokenId id, Instant at, String address) {
    tokens.computeIfPresent(
        id,
        (key, token) ->
            token.withCredential(
                token.credential().withUsage(token.usage().recorded(at, address))));
  }

  /**
   * The token with its organization as the directory has it now (it may have been renamed since),
   * as the database's join gives it. Called with this store's lock, it takes the directory's: the
   * directory never calls this store while holding its own.
   */
  private Token current(Token token) {
    if (token instanceof ApplicationToken application
        && accounts instanceof InMemoryAccountDirectory directory) {
      return directory
          .organization(application.organization().id().value())
          .<Token>map(
              organization ->
                  application.withPrincipal(
                      application.status(), organization, application.profiles()))
          .getOrElse(token);
    }
    return token;
  }
}
