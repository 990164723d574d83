package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;

/** Create a personal token for the acting user; scopes by name or iTop code. */
public record CreatePersonalTokenCommand(
    Principal actor, String application, Set<String> scopes, Option<Instant> expiresAt) {}
