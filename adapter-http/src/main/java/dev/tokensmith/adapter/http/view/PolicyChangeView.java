package dev.tokensmith.adapter.http.view;

import dev.tokensmith.application.port.in.PolicyChange;
import java.util.List;

/**
 * The answer to a change of the token policy: the policy, the tokens that no longer fit (at most
 * {@link PolicyChange#LISTED}), why, and when each stops.
 */
public record PolicyChangeView(
    TokenPolicyView policy, boolean dryRun, long affectedCount, List<AffectedTokenView> affected) {

  /** A token that no longer fits the policy. */
  public record AffectedTokenView(TokenView token, List<ReasonView> reasons, String stopsAt) {}

  /** Why: a code ({@code lifetime_too_long}, {@code no_expiry}, ...) and a sentence. */
  public record ReasonView(String code, String message) {}

  public static PolicyChangeView from(PolicyChange change) {
    return new PolicyChangeView(
        TokenPolicyView.from(change.policy()),
        change.dryRun(),
        change.affectedCount(),
        change.affected().stream()
            .map(
                a ->
                    new AffectedTokenView(
                        TokenView.from(a.token()),
                        a.misfits().stream()
                            .map(m -> new ReasonView(m.code(), m.message()))
                            .toList(),
                        Times.iso(a.stopsAt())))
            .toList());
  }
}
