package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.PolicyChangeView;
import dev.tokensmith.adapter.http.view.TokenPolicyView;
import dev.tokensmith.application.port.in.ChangeTokenPolicyCommand;
import dev.tokensmith.application.port.in.ChangeTokenPolicyUseCase;
import dev.tokensmith.application.port.in.ViewTokenPolicyUseCase;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.policy.TokenPolicy;
import io.javalin.http.Context;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Administrators' token policy: {@code GET}/{@code PUT /api/v1/admin/policy}. */
final class AdminTokenPolicyController {
  private static final Set<String> FIELDS =
      Set.of(
          "version",
          "maxLifetimeDays",
          "expiryRequired",
          "inactivityDays",
          "refreshGraceSeconds",
          "personalTokenProfiles",
          "affectedTokensStopAt",
          "dryRun",
          // shown by GET; accepted back unchanged so a client can PUT what it read
          "inactivityCountsFrom",
          "retiringProfiles");
  private static final Set<String> PROFILE_FIELDS = Set.of("profile", "scopes");
  private static final long MAX_GRACE_SECONDS = 86_400;

  private final ViewTokenPolicyUseCase view;
  private final ChangeTokenPolicyUseCase change;
  private final RequestReader reader;

  AdminTokenPolicyController(
      ViewTokenPolicyUseCase view, ChangeTokenPolicyUseCase change, RequestReader reader) {
    this.view = view;
    this.change = change;
    this.reader = reader;
  }

  void show(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    ctx.json(TokenPolicyView.from(UseCaseFailed.orThrow(view.viewTokenPolicy(admin))));
  }

  void change(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    JsonFields body = reader.json(ctx, FIELDS);
    Option<Long> version = body.wholeNumber("version", 0, Long.MAX_VALUE, true).flatMap(v -> v);
    Option<Integer> maxLifetime =
        body.require(
                "maxLifetimeDays",
                body.wholeNumber("maxLifetimeDays", 1, TokenPolicy.MAX_DAYS, true))
            .map(Long::intValue);
    boolean expiryRequired = body.require("expiryRequired", body.bool("expiryRequired"));
    Option<Integer> inactivity =
        body.require(
                "inactivityDays", body.wholeNumber("inactivityDays", 1, TokenPolicy.MAX_DAYS, true))
            .map(Long::intValue);
    long grace =
        body.require(
                "refreshGraceSeconds",
                body.wholeNumber("refreshGraceSeconds", 0, MAX_GRACE_SECONDS, false))
            .get();
    List<ChangeTokenPolicyCommand.ProfileScopes> profiles =
        body
            .require("personalTokenProfiles", body.objects("personalTokenProfiles", PROFILE_FIELDS))
            .stream()
            .map(
                entry ->
                    new ChangeTokenPolicyCommand.ProfileScopes(
                        entry.requiredText("profile"),
                        entry.textsOrNull("scopes").getOrElse(Option.none())))
            .toList();
    Option<Instant> stopAt = stopAt(body);
    boolean dryRun = body.bool("dryRun").getOrElse(false);
    ctx.json(
        PolicyChangeView.from(
            UseCaseFailed.orThrow(
                change.changeTokenPolicy(
                    new ChangeTokenPolicyCommand(
                        admin,
                        maxLifetime,
                        expiryRequired,
                        inactivity,
                        grace,
                        profiles,
                        stopAt,
                        version,
                        dryRun)))));
  }

  /**
   * {@code affectedTokensStopAt}: absent or null for the default notice, {@code "now"}, or an
   * ISO-8601 instant.
   */
  private static Option<Instant> stopAt(JsonFields body) {
    Option<String> text;
    try {
      text = body.text("affectedTokensStopAt");
    } catch (UseCaseFailed notText) {
      // null is the default notice
      return body.instantOrNull("affectedTokensStopAt").flatMap(v -> v);
    }
    if (text.isEmpty()) {
      return Option.none();
    }
    if (text.get().equals("now")) {
      return Option.some(ChangeTokenPolicyCommand.NOW);
    }
    try {
      return Option.some(Instant.parse(text.get()));
    } catch (DateTimeParseException notUtc) {
      try {
        return Option.some(OffsetDateTime.parse(text.get()).toInstant());
      } catch (DateTimeParseException notIso) {
        throw UseCaseFailed.invalidInput(
            "affectedTokensStopAt",
            "affectedTokensStopAt must be \"now\", an ISO-8601 instant such as"
                + " 2030-01-31T12:00:00Z, or null");
      }
    }
  }
}
