package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;

/**
 * Change some settings of a personal token; an absent field is left as it is, and {@code expiresAt}
 * of {@code Some(None)} removes the expiry.
 */
public record EditPersonalTokenCommand(
    Principal actor,
    TokenId id,
    Option<String> application,
    Option<Set<String>> scopes,
    Option<Option<Instant>> expiresAt) {}
