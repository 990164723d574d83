package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;

/** Create an application token: its login, organization (by name), profiles, scopes, expiry. */
public record CreateApplicationTokenCommand(
    Principal actor,
    String login,
    String organization,
    Set<String> profiles,
    Set<String> scopes,
    Option<Instant> expiresAt) {}
