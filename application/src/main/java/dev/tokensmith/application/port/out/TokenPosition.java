package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.token.TokenId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of tokens ended: the sort key (creation time, then id) of its last token, so the
 * next page starts strictly after it whatever was inserted or deleted meanwhile. Lists of tokens
 * are newest first: by creation time, then id, both descending.
 */
public record TokenPosition(Instant createdAt, TokenId id) {
  public TokenPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  /**
   * True when a token of this creation time and id comes after this position in a list (newest
   * first): created earlier, or at the same time with a smaller id.
   */
  public boolean isFollowedBy(Instant tokenCreatedAt, TokenId tokenId) {
    int byTime = createdAt.compareTo(tokenCreatedAt);
    return byTime > 0 || (byTime == 0 && compareIds(id, tokenId) > 0);
  }

  /**
   * The order of ids in lists: their 16 bytes compared unsigned, as PostgreSQL orders {@code uuid}
   * ({@link java.util.UUID#compareTo} compares signed halves, a different order).
   */
  public static int compareIds(TokenId a, TokenId b) {
    int high =
        Long.compareUnsigned(a.uuid().getMostSignificantBits(), b.uuid().getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(
            a.uuid().getLeastSignificantBits(), b.uuid().getLeastSignificantBits());
  }
}
