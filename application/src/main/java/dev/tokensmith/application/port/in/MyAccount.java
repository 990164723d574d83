package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.User;

/** The acting user and whether they may own personal tokens. */
public record MyAccount(User user, boolean mayOwnPersonalTokens) {}
