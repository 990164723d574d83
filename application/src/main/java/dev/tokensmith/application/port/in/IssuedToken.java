package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.token.TokenValue;

/** A token just created or refreshed, with its value: the only time the value exists. */
public record IssuedToken(TokenSummary summary, TokenValue value) {}
