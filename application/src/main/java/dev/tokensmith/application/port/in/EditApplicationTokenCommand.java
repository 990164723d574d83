package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;

/** Change some fields of an application token; absent fields are left as they are. */
public record EditApplicationTokenCommand(
    Principal actor,
    TokenId id,
    Option<String> status,
    Option<String> organization,
    Option<Set<String>> profiles,
    Option<Set<String>> scopes,
    Option<Option<Instant>> expiresAt) {}
