package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.Tombstone;

/** What the token store knows of an id at authentication time, in one read. */
public sealed interface TokenLookup {
  /**
   * The token and the principal it acts as: the {@link dev.tokensmith.domain.account.TokenOwner} of
   * a personal token (status and profiles as they are now), or an application token itself.
   */
  record Found(Token token, Principal principal) implements TokenLookup {}

  /** The token was deleted; its tombstone remains. */
  record Deleted(Tombstone tombstone) implements TokenLookup {}

  /** No token with this id ever existed. */
  record Unknown(TokenId id) implements TokenLookup {}
}
