package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Either;

/**
 * Who may act on which token: a personal token by its owner or an administrator, an application
 * token by administrators. Someone else's personal token is not found (its existence stays hidden).
 */
final class TokenAccess {
  private final TokenStore tokens;

  TokenAccess(TokenStore tokens) {
    this.tokens = tokens;
  }

  Either<UseCaseFailure, Token> tokenFor(TokenCommand command) {
    Principal actor = command.actor();
    if (command.kind() == TokenKind.APPLICATION && !actor.isAdministrator()) {
      return Either.left(forbiddenUnlessAdministrator());
    }
    return tokens
        .find(command.id())
        .filter(token -> token.kind() == command.kind())
        .filter(token -> mayActOn(actor, token))
        .toEither(
            () ->
                (UseCaseFailure)
                    new UseCaseFailure.NotFound(
                        "No " + command.kind().code() + " token " + command.id() + "."));
  }

  static boolean mayActOn(Principal actor, Token token) {
    if (actor.isAdministrator()) {
      return true;
    }
    return token instanceof PersonalToken personal
        && actor instanceof User user
        && personal.ownerId().equals(user.id());
  }

  static UseCaseFailure forbiddenUnlessAdministrator() {
    return new UseCaseFailure.Forbidden("Only administrators may do this.");
  }

  static Either<UseCaseFailure, User> asUser(Principal actor) {
    return actor instanceof User user
        ? Either.right(user)
        : Either.left(
            new UseCaseFailure.Forbidden(
                "Only users have an account and personal tokens; "
                    + actor.login()
                    + " is an application token."));
  }

  static Either<UseCaseFailure, Principal> administrator(Principal actor) {
    return actor.isAdministrator()
        ? Either.right(actor)
        : Either.left(forbiddenUnlessAdministrator());
  }
}
