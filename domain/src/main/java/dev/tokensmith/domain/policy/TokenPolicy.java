package dev.tokensmith.domain.policy;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Violation;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The installation's token policy, edited by administrators and stored in the database: maximum
 * lifetime, whether an expiry is required, inactivity expiry, which scopes each profile may put on
 * a personal token, and the refresh grace. {@code version} grows with each change, so that a copy
 * kept by one instance is known stale from the version read beside each token.
 *
 * @param inactivityCountsFrom when the inactivity rule was tightened, the instant from which an
 *     older last use counts: a token idle for longer than the new limit stops at the deadline the
 *     administrator chose, not at once
 * @param retiringProfiles profiles removed from {@code personalTokenProfiles} whose holders' tokens
 *     keep working until the chosen deadline
 */
public record TokenPolicy(
    long version,
    Option<Integer> maxLifetimeDays,
    boolean expiryRequired,
    Option<Integer> inactivityDays,
    Option<Instant> inactivityCountsFrom,
    Duration refreshGrace,
    List<ProfileGrant> personalTokenProfiles,
    List<RetiringProfile> retiringProfiles) {

  /** The longest lifetime, inactivity limit or grace a policy accepts (100 years). */
  public static final int MAX_DAYS = 36_500;

  /** The scopes holders of {@code profile} may put on a personal token; none: every scope. */
  public record ProfileGrant(Profile profile, Option<Set<Scope>> scopes) {
    public ProfileGrant {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(scopes, "scopes");
      scopes = scopes.map(Set::copyOf);
    }

    public boolean allows(Scope scope) {
      return scopes.forAll(set -> set.contains(scope));
    }
  }

  /** A profile removed from the policy whose holders' tokens keep working until {@code until}. */
  public record RetiringProfile(Profile profile, Instant until) {
    public RetiringProfile {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(until, "until");
    }
  }

  public TokenPolicy {
    Objects.requireNonNull(maxLifetimeDays, "maxLifetimeDays");
    Objects.requireNonNull(inactivityDays, "inactivityDays");
    Objects.requireNonNull(inactivityCountsFrom, "inactivityCountsFrom");
    Objects.requireNonNull(refreshGrace, "refreshGrace");
    personalTokenProfiles = List.copyOf(personalTokenProfiles);
    retiringProfiles = List.copyOf(retiringProfiles);
    if (maxLifetimeDays.exists(d -> d < 1 || d > MAX_DAYS)
        || inactivityDays.exists(d -> d < 1 || d > MAX_DAYS)
        || refreshGrace.isNegative()) {
      throw new IllegalArgumentException("lifetimes, inactivity limits and graces are positive");
    }
    if (personalTokenProfiles.isEmpty()) {
      throw new IllegalArgumentException("at least one profile may own personal tokens");
    }
    if (personalTokenProfiles.stream().map(ProfileGrant::profile).distinct().count()
        != personalTokenProfiles.size()) {
      throw new IllegalArgumentException("each profile is named once");
    }
  }

  /**
   * The policy of a first start, from the start-up settings: their profiles may put any scope on
   * their personal tokens, their maximum lifetime and refresh grace, no expiry required, no
   * inactivity limit.
   */
  public static TokenPolicy seed(Set<Profile> profiles, TokenRules rules) {
    return new TokenPolicy(
        0,
        rules.maxLifetime().map(d -> (int) Math.max(1, Math.min(MAX_DAYS, d.toDays()))),
        false,
        Option.none(),
        Option.none(),
        rules.refreshGrace(),
        profiles.stream()
            .sorted(java.util.Comparator.comparing(Profile::name))
            .map(p -> new ProfileGrant(p, Option.none()))
            .toList(),
        List.of());
  }

  /** The lifetime and grace rules of {@link TokenRules} under this policy. */
  public TokenRules rules() {
    return new TokenRules(maxLifetimeDays.map(Duration::ofDays), refreshGrace);
  }

  /** The profiles whose holders may own personal tokens (retiring ones excluded). */
  public Set<Profile> personalTokenProfileSet() {
    return personalTokenProfiles.stream()
        .map(ProfileGrant::profile)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Whether {@code principal} may own (and keep using) personal tokens at {@code now}: it holds a
   * profile of the policy, or one being retired until later than {@code now}.
   */
  public boolean mayOwnPersonalTokens(Principal principal, Instant now) {
    return principal.profiles().stream().anyMatch(this::grants)
        || retiringProfiles.stream()
            .anyMatch(r -> now.isBefore(r.until()) && principal.profiles().contains(r.profile()));
  }

  private boolean grants(Profile profile) {
    return personalTokenProfiles.stream().anyMatch(g -> g.profile().equals(profile));
  }

  /** Whether a holder of {@code profiles} may put {@code scope} on a personal token. */
  public boolean allowsScope(Set<Profile> profiles, Scope scope) {
    return personalTokenProfiles.stream()
        .anyMatch(g -> profiles.contains(g.profile()) && g.allows(scope));
  }

  /**
   * {@code scopes} when a holder of {@code profiles} may put each on a personal token, except those
   * in {@code kept} (scopes a token already has keep working until its policy deadline).
   */
  public Either<Violation, Set<Scope>> personalScopes(
      Set<Profile> profiles, Set<Scope> scopes, Set<Scope> kept) {
    List<String> refused =
        scopes.stream()
            .filter(s -> !kept.contains(s) && !allowsScope(profiles, s))
            .map(Scope::name)
            .sorted()
            .toList();
    return refused.isEmpty()
        ? Either.right(scopes)
        : Either.left(
            new Violation(
                "scopes",
                "scopes "
                    + String.join(", ", refused)
                    + " may not be put on a personal token by the token policy"
                    + " (the owner's profiles allow: "
                    + allowedScopesText(profiles)
                    + ")"));
  }

  private String allowedScopesText(Set<Profile> profiles) {
    List<ProfileGrant> held =
        personalTokenProfiles.stream().filter(g -> profiles.contains(g.profile())).toList();
    if (held.isEmpty()) {
      return "none";
    }
    if (held.stream().anyMatch(g -> g.scopes().isEmpty())) {
      return "every scope";
    }
    List<String> names =
        held.stream()
            .flatMap(g -> g.scopes().get().stream())
            .map(Scope::name)
            .distinct()
            .sorted()
            .toList();
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /**
   * An expiry for a new or edited token at {@code now}: in the future, within the maximum lifetime,
   * and present when the policy requires one.
   */
  public Either<Violation, Option<Instant>> expiry(Option<Instant> expiresAt, Instant now) {
    if (expiryRequired && expiresAt.isEmpty()) {
      return Either.left(
          new Violation(
              "expiresAt",
              "expiresAt is required by the token policy"
                  + maxLifetimeDays.map(d -> " (at most " + d + " days ahead)").getOrElse("")));
    }
    return rules().expiry(expiresAt, now);
  }

  /** Since when a token counts as inactive, if it is at {@code now}. */
  public Option<Instant> inactiveSince(Credential credential, Instant now) {
    if (inactivityDays.isEmpty()) {
      return Option.none();
    }
    Instant stops = lastActivity(credential).plus(Duration.ofDays(inactivityDays.get()));
    return now.isBefore(stops) ? Option.none() : Option.some(stops);
  }

  /**
   * When this policy stops the token, if it does before the token's own expiry: the earlier of its
   * policy deadline and the end of its inactivity limit (its {@link #lastActivity last activity}
   * plus the limit, the instant from which the authentication refuses it {@code token_inactive}).
   * An inactivity end at or after the expiry is not shown: the expiry comes first.
   */
  public Option<PolicyStop> stopOf(Credential credential) {
    Option<PolicyStop> deadline =
        credential.policyDeadline().map(at -> new PolicyStop(at, PolicyStop.Cause.POLICY_DEADLINE));
    Option<PolicyStop> inactivity =
        inactivityDays
            .map(days -> lastActivity(credential).plus(Duration.ofDays(days)))
            .filter(at -> credential.expiresAt().forAll(at::isBefore))
            .map(at -> new PolicyStop(at, PolicyStop.Cause.INACTIVITY));
    if (deadline.isEmpty()) {
      return inactivity;
    }
    if (inactivity.isEmpty()) {
      return deadline;
    }
    return inactivity.get().at().isBefore(deadline.get().at()) ? inactivity : deadline;
  }

  /**
   * The latest of the creation, the last use, the last refresh and the start of the inactivity
   * rule.
   */
  public Instant lastActivity(Credential credential) {
    Instant latest = credential.createdAt();
    for (Option<Instant> at :
        List.of(credential.usage().lastUsedAt(), credential.refreshedAt(), inactivityCountsFrom)) {
      if (at.isDefined() && at.get().isAfter(latest)) {
        latest = at.get();
      }
    }
    return latest;
  }

  /**
   * Why a token does not fit this policy at {@code now} ({@code ownerProfiles}: the profiles of a
   * personal token's owner, none for an application token); empty when it fits.
   */
  public List<Misfit> misfits(
      Credential credential, Option<Set<Profile>> ownerProfiles, Instant now) {
    List<Misfit> misfits = new ArrayList<>();
    Option<Instant> expiry = credential.expiresAt();
    if (expiry.isEmpty() && (expiryRequired || maxLifetimeDays.isDefined())) {
      misfits.add(new Misfit.NoExpiry());
    } else if (expiry.isDefined()
        && maxLifetimeDays.isDefined()
        && expiry.get().isAfter(now.plus(Duration.ofDays(maxLifetimeDays.get())))) {
      misfits.add(new Misfit.LifetimeTooLong(maxLifetimeDays.get()));
    }
    if (ownerProfiles.isDefined()) {
      Set<Profile> profiles = ownerProfiles.get();
      if (profiles.stream().noneMatch(this::grants)) {
        misfits.add(new Misfit.ProfileNotAllowed());
      } else {
        credential.scopes().stream()
            .filter(s -> !allowsScope(profiles, s))
            .map(Scope::name)
            .sorted()
            .forEach(name -> misfits.add(new Misfit.ScopeNotAllowed(name)));
      }
    }
    if (inactivityDays.isDefined()
        && !now.isBefore(lastActivity(credential).plus(Duration.ofDays(inactivityDays.get())))) {
      misfits.add(new Misfit.Inactive(inactivityDays.get()));
    }
    return List.copyOf(misfits);
  }

  /**
   * This policy replaced by {@code next} at {@code now}, tokens that no longer fit working until
   * {@code deadline}: the version grows, removed profiles retire until the deadline, and a tighter
   * inactivity limit counts from the deadline less the limit (so a token idle for long stops at the
   * deadline, not at once).
   */
  public TokenPolicy replacedBy(TokenPolicy next, Instant deadline, Instant now) {
    Set<Profile> kept = next.personalTokenProfileSet();
    List<RetiringProfile> retiring = new ArrayList<>();
    for (RetiringProfile r : retiringProfiles) {
      if (now.isBefore(r.until()) && !kept.contains(r.profile())) {
        retiring.add(r);
      }
    }
    for (ProfileGrant grant : personalTokenProfiles) {
      if (!kept.contains(grant.profile()) && now.isBefore(deadline)) {
        retiring.removeIf(r -> r.profile().equals(grant.profile()));
        retiring.add(new RetiringProfile(grant.profile(), deadline));
      }
    }
    Option<Instant> countsFrom = Option.none();
    if (next.inactivityDays.isDefined()) {
      boolean tighter =
          inactivityDays.isEmpty() || next.inactivityDays.get() < inactivityDays.get();
      countsFrom =
          tighter
              ? Option.some(deadline.minus(Duration.ofDays(next.inactivityDays.get())))
              : inactivityCountsFrom;
    }
    return new TokenPolicy(
        version + 1,
        next.maxLifetimeDays,
        next.expiryRequired,
        next.inactivityDays,
        countsFrom,
        next.refreshGrace,
        next.personalTokenProfiles,
        retiring);
  }
}
