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
import java.util.Collection;
import java.util.List;

/**
 * Where tokens and tombstones are kept. Usage counters are written only by {@link UsageRecorder};
 * {@link #update} leaves them alone.
 */
public interface TokenStore {
  /** The authentication read: one indexed lookup of the token with its principal. */
  TokenLookup lookup(TokenId id);

  Option<Token> find(TokenId id);

  /**
   * One page of the personal tokens matching {@code filter}, newest first (creation time, then id,
   * descending), strictly after {@code after}: at most {@code limit}, read with one statement on an
   * index.
   */
  List<PersonalToken> personalTokens(
      PersonalTokenFilter filter, Option<TokenPosition> after, int limit);

  /**
   * How many personal tokens match {@code filter}: exact when at most {@code exactUpTo} tokens are
   * of the filter's owner (or, without one, at most {@code exactUpTo} personal tokens exist),
   * otherwise an estimate; never a count of every row.
   */
  Counted countPersonalTokens(PersonalTokenFilter filter, int exactUpTo);

  /** One page of the application tokens, newest first, strictly after {@code after}. */
  List<ApplicationToken> applicationTokens(Option<TokenPosition> after, int limit);

  /** How many application tokens exist: exact up to {@code exactUpTo}, otherwise an estimate. */
  Counted countApplicationTokens(int exactUpTo);

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

  /**
   * One page of every token (personal and application), newest first, after {@code after}, with
   * what the token policy judges (the owner's profiles): for checking tokens against a changed
   * policy page by page.
   */
  List<PolicySubject> policySubjects(Option<TokenPosition> after, int limit);

  /**
   * Sets (or, with none, clears) the policy deadline of the tokens {@code ids}; tokens that are
   * gone are skipped.
   */
  void setPolicyDeadline(Collection<TokenId> ids, Option<Instant> deadline);
}
