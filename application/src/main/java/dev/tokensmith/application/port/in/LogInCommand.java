package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Password;

/** A login and password typed into the web UI. */
public record LogInCommand(String login, Password password) {}
