package dev.tokensmith.adapter.http.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.tokensmith.application.port.in.TokenDetails;
import dev.tokensmith.application.port.in.TokenSummary;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.Token;
import java.util.List;
import java.util.Set;

/**
 * A token as the API shows it, never with its secret. A personal token has {@code application} and
 * {@code owner}; an application token has {@code login}, {@code status}, {@code organization} and
 * {@code profiles}. Only the single-token view has {@code recentFailures}. {@code policyDeadline}
 * is when the token policy stops the token and {@code policyDeadlineReason} why: {@code
 * policy_deadline} (it no longer fits a tightened policy) or {@code inactivity} (the end of the
 * inactivity limit, as the authentication counts it).
 */
public record TokenView(
    String id,
    String kind,
    @JsonInclude(Include.NON_NULL) String application,
    @JsonInclude(Include.NON_NULL) String login,
    @JsonInclude(Include.NON_NULL) OwnerView owner,
    @JsonInclude(Include.NON_NULL) String status,
    @JsonInclude(Include.NON_NULL) String organization,
    @JsonInclude(Include.NON_NULL) List<String> profiles,
    List<String> scopes,
    String createdAt,
    String expiresAt,
    boolean expired,
    boolean expiresSoon,
    long useCount,
    String lastUsedAt,
    String lastUsedIp,
    String refreshedAt,
    String policyDeadline,
    String policyDeadlineReason,
    @JsonInclude(Include.NON_NULL) List<FailureView> recentFailures) {

  public static TokenView from(TokenSummary summary) {
    return of(summary, null);
  }

  public static TokenView from(TokenDetails details) {
    return of(details.summary(), details.recentFailures().stream().map(FailureView::from).toList());
  }

  private static TokenView of(TokenSummary summary, List<FailureView> recentFailures) {
    Token token = summary.token();
    Credential credential = token.credential();
    String application = null;
    String login = null;
    OwnerView owner = null;
    String status = null;
    String organization = null;
    List<String> profiles = null;
    if (token instanceof PersonalToken personal) {
      application = personal.application();
      owner = new OwnerView(personal.ownerLogin());
    } else if (token instanceof ApplicationToken applicationToken) {
      login = applicationToken.login();
      status = applicationToken.status().code();
      organization = applicationToken.organization().name();
      profiles = profileNames(applicationToken.profiles());
    }
    return new TokenView(
        credential.id().text(),
        token.kind().code(),
        application,
        login,
        owner,
        status,
        organization,
        profiles,
        scopeNames(credential.scopes()),
        Times.iso(credential.createdAt()),
        Times.isoOrNull(credential.expiresAt()),
        summary.expired(),
        summary.expiresSoon(),
        credential.usage().useCount(),
        Times.isoOrNull(credential.usage().lastUsedAt()),
        credential.usage().lastUsedIp().getOrNull(),
        Times.isoOrNull(credential.refreshedAt()),
        summary.policyStop().map(stop -> Times.iso(stop.at())).getOrNull(),
        summary.policyStop().map(stop -> stop.cause().code()).getOrNull(),
        recentFailures);
  }

  static List<String> scopeNames(Set<Scope> scopes) {
    return scopes.stream().map(Scope::name).sorted().toList();
  }

  static List<String> profileNames(Set<Profile> profiles) {
    return profiles.stream().map(Profile::name).sorted().toList();
  }
}
