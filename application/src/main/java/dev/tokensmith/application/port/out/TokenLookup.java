package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Tombstone;
import io.vavr.control.Option;

/** What the token store knows of an id at authentication time, in one read. */
public sealed interface TokenLookup {
  /**
   * The token and the principal it acts as: the {@link dev.tokensmith.domain.account.TokenOwner} of
   * a personal token (status and profiles as they are now), or an application token itself; and the
   * token policy as the database holds it, when the store read it in the same statement.
   */
  record Found(Token token, Principal principal, Option<TokenPolicy> policy)
      implements TokenLookup {
    /** A token found by a store that does not read the token policy with it. */
    public Found(Token token, Principal principal) {
      this(token, principal, Option.none());
    }
  }

  /** The token was deleted; its tombstone remains. */
  record Deleted(Tombstone tombstone) implements TokenLookup {}

  /** No token with this id ever existed. */
  record Unknown(TokenId id) implements TokenLookup {}
}
