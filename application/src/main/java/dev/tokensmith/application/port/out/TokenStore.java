package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Tombstone;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;

/**
 * Where tokens and tombstones are kept. Usage counters are written only by {@link UsageRecorder};
 * {@link #update} leaves them alone.
 */
public interface TokenStore {
  /** The authentication read: one indexed lookup of the token with its principal. */
  TokenLookup lookup(TokenId id);

  Option<Token> find(TokenId id);

  /** A user's personal tokens, oldest first. */
  List<PersonalToken> personalTokensOf(UserId owner);

  /** Every personal token, oldest first. */
  List<PersonalToken> personalTokens();

  /** Every application token, oldest first. */
  List<ApplicationToken> applicationTokens();

  Option<ApplicationToken> applicationTokenByLogin(String login);

  /** Stores a new token. */
  void add(Token token);

  /**
   * Replaces the settings, digest, refresh and principal fields of an existing token, never its
   * usage, <em>if its digest is still {@code expected}</em> (the one the caller read): a refresh
   * and a concurrent refresh or edit of the same token cannot overwrite each other.
   */
  UpdateOutcome update(Token token, SecretDigest expected);

  /** What {@link #update} did. */
  enum UpdateOutcome {
    UPDATED,
    /** The token no longer exists. */
    NOT_FOUND,
    /**
     * Its digest is no longer the expected one (a refresh committed meanwhile): nothing written.
     */
    CHANGED_MEANWHILE
  }

  /** Deletes a token, leaving a tombstone; none when there was no such token. */
  Option<Tombstone> delete(TokenId id, Instant at, Tombstone.Cause cause);

  /** Deletes every personal token of {@code owner}, leaving tombstones. */
  List<Tombstone> deletePersonalTokensOf(UserId owner, Instant at);
}
