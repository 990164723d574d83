package dev.tokensmith.adapter.http.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tokensmith.application.port.in.Introspection;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Token;
import java.time.Instant;

/**
 * RFC 7662's answer: {@code {"active":false}} for anything not valid, with tokensmith's extension
 * members {@code reason} (DESIGN §2's reason code) and {@code message} saying why; else the token's
 * scopes (space-separated), kind ({@code token_type}), principal ({@code username}, {@code sub}),
 * id ({@code jti}) and times in seconds since the epoch ({@code exp} absent without expiry).
 */
@JsonInclude(Include.NON_NULL)
public record IntrospectionView(
    boolean active,
    String scope,
    @JsonProperty("token_type") String tokenType,
    String username,
    String sub,
    String jti,
    Long exp,
    Long iat,
    String reason,
    String message) {
  public static IntrospectionView from(Introspection introspection) {
    return introspection.outcome().fold(IntrospectionView::inactive, IntrospectionView::active);
  }

  private static IntrospectionView inactive(AuthenticationFailure failure) {
    return new IntrospectionView(
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        failure.reason().code(),
        failure.message());
  }

  private static IntrospectionView active(AuthenticatedPrincipal authenticated) {
    Token token = authenticated.token();
    Credential credential = token.credential();
    String login = authenticated.principal().login();
    return new IntrospectionView(
        true,
        String.join(" ", TokenView.scopeNames(credential.scopes())),
        token.kind().code(),
        login,
        login,
        credential.id().text(),
        credential.expiresAt().map(Instant::getEpochSecond).getOrNull(),
        credential.createdAt().getEpochSecond(),
        null,
        null);
  }
}
