package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Option;

/** Administrators' filter over every personal token: by owner, expired only, expiring soon only. */
public record ListPersonalTokensQuery(
    Principal actor, Option<String> ownerLogin, boolean expiredOnly, boolean expiringOnly) {}
