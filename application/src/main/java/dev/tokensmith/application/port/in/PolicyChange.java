package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.policy.Misfit;
import dev.tokensmith.domain.policy.TokenPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a change of the token policy: the policy now stored (or that would be, for a dry
 * run), the tokens that no longer fit it (at most {@link #LISTED}), how many there are in all.
 */
public record PolicyChange(
    TokenPolicy policy, List<AffectedToken> affected, long affectedCount, boolean dryRun) {
  /** At most this many affected tokens are listed. */
  public static final int LISTED = 200;

  public PolicyChange {
    affected = List.copyOf(affected);
  }

  /** A token that no longer fits, why, and when it stops working. */
  public record AffectedToken(TokenSummary token, List<Misfit> misfits, Instant stopsAt) {
    public AffectedToken {
      misfits = List.copyOf(misfits);
    }
  }
}
