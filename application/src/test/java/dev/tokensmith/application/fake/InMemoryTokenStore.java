package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.port.out.UsageRecorder;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.token.ApplicationToken;
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

  @Override
  public synchronized List<PersonalToken> personalTokensOf(UserId owner) {
    return personalTokens().stream().filter(t -> t.ownerId().equals(owner)).toList();
  }

  @Override
  public synchronized List<PersonalToken> personalTokens() {
    return tokens.values().stream()
        .filter(PersonalToken.class::isInstance)
        .map(PersonalToken.class::cast)
        .sorted(Comparator.comparing(t -> t.credential().createdAt()))
        .toList();
  }

  @Override
  public synchronized List<ApplicationToken> applicationTokens() {
    return tokens.values().stream()
        .filter(ApplicationToken.class::isInstance)
        .map(this::current)
        .map(ApplicationToken.class::cast)
        .sorted(Comparator.comparing(t -> t.credential().createdAt()))
        .toList();
  }

  @Override
  public synchronized Option<ApplicationToken> applicationTokenByLogin(String login) {
    return Option.ofOptional(
        applicationTokens().stream().filter(t -> t.login().equals(login)).findFirst());
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
    tokens.put(token.id(), token.withCredential(token.credential().withUsage(old.usage())));
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
