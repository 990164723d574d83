package dev.tokensmith.adapter.http.view;

import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.Scope;
import java.util.List;

/** The token policy as administrators see and send it ({@code /api/v1/admin/policy}). */
public record TokenPolicyView(
    long version,
    Integer maxLifetimeDays,
    boolean expiryRequired,
    Integer inactivityDays,
    String inactivityCountsFrom,
    long refreshGraceSeconds,
    List<ProfileScopesView> personalTokenProfiles,
    List<RetiringProfileView> retiringProfiles) {

  /** A profile and the scopes its holders may put on personal tokens (null: every scope). */
  public record ProfileScopesView(String profile, List<String> scopes) {}

  /** A removed profile whose holders' tokens work until {@code until}. */
  public record RetiringProfileView(String profile, String until) {}

  public static TokenPolicyView from(TokenPolicy policy) {
    return new TokenPolicyView(
        policy.version(),
        policy.maxLifetimeDays().getOrNull(),
        policy.expiryRequired(),
        policy.inactivityDays().getOrNull(),
        Times.isoOrNull(policy.inactivityCountsFrom()),
        policy.refreshGrace().toSeconds(),
        policy.personalTokenProfiles().stream()
            .map(
                g ->
                    new ProfileScopesView(
                        g.profile().name(),
                        g.scopes()
                            .map(set -> set.stream().map(Scope::name).sorted().toList())
                            .getOrNull()))
            .toList(),
        policy.retiringProfiles().stream()
            .map(r -> new RetiringProfileView(r.profile().name(), Times.iso(r.until())))
            .toList());
  }
}
