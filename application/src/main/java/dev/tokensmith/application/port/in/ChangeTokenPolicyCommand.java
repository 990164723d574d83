package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The new token policy as an administrator sends it.
 *
 * @param personalTokenProfiles each profile that may own personal tokens, with the scopes its
 *     holders may put on them (none: every scope)
 * @param affectedTokensStopAt when tokens that no longer fit stop: none for 30 days from now, an
 *     instant not in the past, or {@link #NOW}
 * @param expectedVersion the version the administrator edited, to refuse a lost update
 * @param dryRun list the affected tokens without changing anything
 */
public record ChangeTokenPolicyCommand(
    Principal actor,
    Option<Integer> maxLifetimeDays,
    boolean expiryRequired,
    Option<Integer> inactivityDays,
    long refreshGraceSeconds,
    List<ProfileScopes> personalTokenProfiles,
    Option<Instant> affectedTokensStopAt,
    Option<Long> expectedVersion,
    boolean dryRun) {

  /** The value of {@code affectedTokensStopAt} that means "now": tokens that do not fit stop. */
  public static final Instant NOW = Instant.EPOCH;

  /** A profile and the scopes its holders may put on personal tokens (none: every scope). */
  public record ProfileScopes(String profile, Option<Set<String>> scopes) {}

  public ChangeTokenPolicyCommand {
    Objects.requireNonNull(actor, "actor");
    personalTokenProfiles = List.copyOf(personalTokenProfiles);
  }
}
