package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;

/**
 * Act on one token of a given kind: view, refresh or delete. A token of the other kind is not
 * found, so routes for personal and application tokens stay apart.
 */
public record TokenCommand(Principal actor, TokenKind kind, TokenId id) {}
