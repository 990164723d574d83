package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.RevokeTokenCommand;
import dev.tokensmith.application.port.in.RevokeTokenUseCase;
import io.javalin.http.Context;
import java.util.Map;

/**
 * RFC 7009 revocation by value, without authentication ({@code POST /api/v1/tokens/revoke}): always
 * 200, whether a live token was revoked or not, and rate-limited per address.
 */
final class RevocationController {
  private final RevokeTokenUseCase revokeToken;
  private final AddressRateLimiter revocations;
  private final RequestReader reader;

  RevocationController(
      RevokeTokenUseCase revokeToken, AddressRateLimiter revocations, RequestReader reader) {
    this.revokeToken = revokeToken;
    this.revocations = revocations;
    this.reader = reader;
  }

  void revoke(Context ctx) {
    long retryAfter = revocations.tryAcquire(ctx.ip());
    if (retryAfter > 0) {
      throw new Rejected(Problems.tooManyRequests(retryAfter, "revocations"));
    }
    String value = reader.requiredFormField(ctx, "token");
    // the answer must not tell whether the value was a live token (RFC 7009 §2.2)
    revokeToken.revokeToken(new RevokeTokenCommand(value, ctx.ip()));
    ctx.json(Map.of());
  }
}
