package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.ChangeTokenPolicyCommand;
import dev.tokensmith.application.port.in.ChangeTokenPolicyUseCase;
import dev.tokensmith.application.port.in.PolicyChange;
import dev.tokensmith.application.port.in.PolicyChange.AffectedToken;
import dev.tokensmith.application.port.in.TokenSummary;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.in.ViewTokenPolicyUseCase;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.PolicySubject;
import dev.tokensmith.application.port.out.TokenPolicyStore;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.policy.Misfit;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.policy.TokenPolicy.ProfileGrant;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reading and changing the token policy. A change never stops a token at once unless the
 * administrator asks so: each token that no longer fits gets a policy deadline (by default 30 days
 * ahead), is listed in the answer, and gets a {@link AuditEvent.Action#POLICY_DEADLINE} event that
 * names the deadline, so its owner can be told. Tokens are checked page by page.
 */
public final class TokenPolicyService implements ViewTokenPolicyUseCase, ChangeTokenPolicyUseCase {
  /** The default time affected tokens keep working. */
  public static final Duration DEFAULT_NOTICE = Duration.ofDays(30);

  /** The longest refresh grace a policy accepts (one day). */
  static final long MAX_REFRESH_GRACE_SECONDS = 86_400;

  private static final int PAGE = 500;

  private final TokenPolicyStore policies;
  private final TokenStore tokens;
  private final Supplier<ScopeCatalog> scopes;
  private final AuditLog audit;
  private final Clock clock;

  TokenPolicyService(
      TokenPolicyStore policies,
      TokenStore tokens,
      Supplier<ScopeCatalog> scopes,
      AuditLog audit,
      Clock clock) {
    this.policies = policies;
    this.tokens = tokens;
    this.scopes = scopes;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseFailure, TokenPolicy> viewTokenPolicy(Principal actor) {
    return TokenAccess.administrator(actor).map(admin -> policies.current());
  }

  @Override
  public Either<UseCaseFailure, PolicyChange> changeTokenPolicy(ChangeTokenPolicyCommand command) {
    Either<UseCaseFailure, Principal> admin = TokenAccess.administrator(command.actor());
    if (admin.isLeft()) {
      return Either.left(admin.getLeft());
    }
    Instant now = clock.instant();
    Either<UseCaseFailure, TokenPolicy> submitted = submitted(command);
    if (submitted.isLeft()) {
      return Either.left(submitted.getLeft());
    }
    Option<Instant> stopAt =
        command
            .affectedTokensStopAt()
            .map(at -> at.equals(ChangeTokenPolicyCommand.NOW) ? now : at);
    if (stopAt.exists(at -> at.isBefore(now.minusSeconds(60)))) {
      return Either.left(
          new InvalidInput(
              "affectedTokensStopAt", "affectedTokensStopAt must be now or a later instant"));
    }
    Instant deadline =
        stopAt.map(at -> at.isBefore(now) ? now : at).getOrElse(now.plus(DEFAULT_NOTICE));
    TokenPolicy current = policies.current();
    if (command.expectedVersion().exists(v -> v != current.version())) {
      return Either.left(changedMeanwhile());
    }
    TokenPolicy next = current.replacedBy(submitted.get(), deadline, now);
    if (!command.dryRun()
        && !policies.replace(current.version(), next, now, command.actor().login())) {
      return Either.left(changedMeanwhile());
    }
    return Either.right(
        checkTokens(current, next, deadline, now, command.actor().login(), command.dryRun()));
  }

  private static UseCaseFailure changedMeanwhile() {
    return new UseCaseFailure.Conflict(
        "version", "version: the token policy was changed meanwhile; reload it and try again");
  }

  /**
   * Every token checked against {@code next}: those that no longer fit get a deadline (unless they
   * have an earlier one), those with a deadline that fit again lose it.
   */
  private PolicyChange checkTokens(
      TokenPolicy previous,
      TokenPolicy next,
      Instant deadline,
      Instant now,
      String actor,
      boolean dryRun) {
    boolean inactivityTightened =
        !next.inactivityCountsFrom().equals(previous.inactivityCountsFrom());
    List<AffectedToken> listed = new ArrayList<>();
    long count = 0;
    Option<TokenPosition> after = Option.none();
    while (true) {
      List<PolicySubject> page = tokens.policySubjects(after, PAGE);
      List<TokenId> newlyDue = new ArrayList<>();
      List<TokenId> fitAgain = new ArrayList<>();
      List<AuditEvent> events = new ArrayList<>();
      for (PolicySubject subject : page) {
        Token token = subject.token();
        Credential credential = token.credential();
        if (credential.isExpiredAt(now) || credential.isPastPolicyDeadlineAt(now)) {
          continue; // stopped already: nothing to warn about, nothing to lift
        }
        List<Misfit> misfits = next.misfits(credential, subject.ownerProfiles(), now);
        // tokens idle beyond the limit are judged by the rule alone, not by its start
        List<Misfit> judged =
            next.inactivityDays().isDefined()
                ? withInactivityJudgedWithoutStart(next, credential, subject, now, misfits)
                : misfits;
        List<Misfit> needDeadline =
            judged.stream().filter(m -> !(m instanceof Misfit.Inactive)).toList();
        if (judged.isEmpty() && !credential.policyDeadline().exists(now::isBefore)) {
          continue;
        }
        // a token stopped by an earlier deadline stays stopped: relaxing revives nothing
        if (needDeadline.isEmpty() && credential.policyDeadline().exists(now::isBefore)) {
          fitAgain.add(token.id());
          credential = credential.withPolicyDeadline(Option.none());
        }
        boolean newDeadline = false;
        if (!needDeadline.isEmpty() && credential.policyDeadline().isEmpty()) {
          newlyDue.add(token.id());
          credential = credential.withPolicyDeadline(Option.some(deadline));
          newDeadline = true;
        }
        if (judged.isEmpty()) {
          continue;
        }
        Instant stopsAt = stopsAt(next, credential, judged);
        count++;
        Token shown = token.withCredential(credential);
        if (listed.size() < PolicyChange.LISTED) {
          listed.add(new AffectedToken(TokenSummary.of(shown, now), judged, stopsAt));
        }
        boolean inactiveNow = judged.stream().anyMatch(m -> m instanceof Misfit.Inactive);
        if (!dryRun && (newDeadline || (inactiveNow && inactivityTightened))) {
          events.add(
              TokenService.event(
                  now,
                  actor,
                  shown,
                  AuditEvent.Action.POLICY_DEADLINE,
                  stopsAt
                      + " "
                      + judged.stream().map(Misfit::code).collect(Collectors.joining(","))));
        }
      }
      if (!dryRun) {
        audit.recordAll(events);
        if (!newlyDue.isEmpty()) {
          tokens.setPolicyDeadline(newlyDue, Option.some(deadline));
        }
        if (!fitAgain.isEmpty()) {
          tokens.setPolicyDeadline(fitAgain, Option.none());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      Token last = page.get(page.size() - 1).token();
      after = Option.some(new TokenPosition(last.credential().createdAt(), last.id()));
    }
    return new PolicyChange(next, listed, count, dryRun);
  }

  /**
   * {@code misfits} where inactivity is judged by the limit alone: a token idle for longer than the
   * limit is listed even though the start of the rule lets it work until the deadline.
   */
  private static List<Misfit> withInactivityJudgedWithoutStart(
      TokenPolicy next,
      Credential credential,
      PolicySubject subject,
      Instant now,
      List<Misfit> misfits) {
    TokenPolicy byTheRule =
        new TokenPolicy(
            next.version(),
            next.maxLifetimeDays(),
            next.expiryRequired(),
            next.inactivityDays(),
            Option.none(),
            next.refreshGrace(),
            next.personalTokenProfiles(),
            next.retiringProfiles());
    boolean idle =
        byTheRule.misfits(credential, subject.ownerProfiles(), now).stream()
            .anyMatch(m -> m instanceof Misfit.Inactive);
    boolean listed = misfits.stream().anyMatch(m -> m instanceof Misfit.Inactive);
    if (idle == listed) {
      return misfits;
    }
    List<Misfit> judged = new ArrayList<>(misfits);
    judged.add(new Misfit.Inactive(next.inactivityDays().get()));
    return judged;
  }

  /** When a token that does not fit stops: its deadline, or the end of its inactivity. */
  private static Instant stopsAt(TokenPolicy next, Credential credential, List<Misfit> misfits) {
    List<Instant> stops = new ArrayList<>();
    credential.stopsAt().forEach(stops::add);
    if (misfits.stream().anyMatch(m -> m instanceof Misfit.Inactive)) {
      stops.add(next.lastActivity(credential).plus(Duration.ofDays(next.inactivityDays().get())));
    }
    return stops.stream().min(Instant::compareTo).orElseThrow();
  }

  /** The policy the administrator sent, validated field by field. */
  private Either<UseCaseFailure, TokenPolicy> submitted(ChangeTokenPolicyCommand command) {
    if (command.maxLifetimeDays().exists(d -> d < 1 || d > TokenPolicy.MAX_DAYS)) {
      return Either.left(
          new InvalidInput(
              "maxLifetimeDays",
              "maxLifetimeDays must be from 1 to " + TokenPolicy.MAX_DAYS + " days, or null"));
    }
    if (command.inactivityDays().exists(d -> d < 1 || d > TokenPolicy.MAX_DAYS)) {
      return Either.left(
          new InvalidInput(
              "inactivityDays",
              "inactivityDays must be from 1 to " + TokenPolicy.MAX_DAYS + " days, or null"));
    }
    if (command.refreshGraceSeconds() < 0
        || command.refreshGraceSeconds() > MAX_REFRESH_GRACE_SECONDS) {
      return Either.left(
          new InvalidInput(
              "refreshGraceSeconds",
              "refreshGraceSeconds must be from 0 to " + MAX_REFRESH_GRACE_SECONDS + " seconds"));
    }
    if (command.personalTokenProfiles().isEmpty()) {
      return Either.left(
          new InvalidInput(
              "personalTokenProfiles",
              "personalTokenProfiles must name at least one profile that may own personal"
                  + " tokens"));
    }
    ScopeCatalog catalog = scopes.get();
    List<ProfileGrant> grants = new ArrayList<>();
    Set<Profile> seen = new HashSet<>();
    for (ChangeTokenPolicyCommand.ProfileScopes entry : command.personalTokenProfiles()) {
      String problem =
          entry.profile() == null
              ? "profile is required"
              : Names.problem("profile", entry.profile());
      if (problem != null) {
        return Either.left(
            new InvalidInput("personalTokenProfiles", "personalTokenProfiles: " + problem));
      }
      Profile profile = new Profile(entry.profile());
      if (!seen.add(profile)) {
        return Either.left(
            new InvalidInput(
                "personalTokenProfiles",
                "personalTokenProfiles names the profile " + profile.name() + " twice"));
      }
      Option<Set<Scope>> allowed = Option.none();
      if (entry.scopes().isDefined()) {
        Set<Scope> parsed = new LinkedHashSet<>();
        for (String name : entry.scopes().get()) {
          Either<String, Scope> scope = catalog.parse(name);
          if (scope.isLeft()) {
            return Either.left(
                new InvalidInput(
                    "personalTokenProfiles",
                    "personalTokenProfiles: scopes of " + profile.name() + ": " + scope.getLeft()));
          }
          parsed.add(scope.get());
        }
        allowed = Option.some(parsed);
      }
      grants.add(new ProfileGrant(profile, allowed));
    }
    return Either.right(
        new TokenPolicy(
            0,
            command.maxLifetimeDays(),
            command.expiryRequired(),
            command.inactivityDays(),
            Option.none(),
            Duration.ofSeconds(command.refreshGraceSeconds()),
            grants,
            List.of()));
  }
}
