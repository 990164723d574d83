package dev.tokensmith.application.port.in;

/**
 * Revokes a token by its value, without logging in (RFC 7009): whoever found a leaked value can
 * kill it. Never fails: an invalid value is simply not revoked.
 */
public interface RevokeTokenUseCase {
  /** Whether a live token was revoked (the HTTP answer does not tell, as RFC 7009 asks). */
  boolean revokeToken(RevokeTokenCommand command);
}
