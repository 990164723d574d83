package dev.tokensmith.application.port.in;

/**
 * Tells another service whether a token value is active (right secret, not expired, principal
 * enabled and allowed), whatever its scopes. Does not count as a use of the introspected token.
 */
public interface IntrospectTokenUseCase {
  Introspection introspectToken(String value);
}
