package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Either;
import io.vavr.control.Option;

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

  /**
   * Writes {@code changed} over {@code read} (same token) unless the token is gone or was refreshed
   * since it was read; then says why, and nothing is written.
   */
  Option<UseCaseFailure> update(Token read, Token changed) {
    return switch (tokens.update(changed, read.credential().digest())) {
      case UPDATED -> Option.none();
      case NOT_FOUND ->
          Option.some(
              new UseCaseFailure.NotFound(
                  "No " + read.kind().code() + " token " + read.id() + "."));
      case CHANGED_MEANWHILE ->
          Option.some(
              new UseCaseFailure.Conflict(
                  "token",
                  "token "
                      + read.id()
                      + " was refreshed by another request at the same time; nothing was changed."
                      + " Read it again and retry."));
    };
  }

  static boolean mayActOn(Principal actor, Token token) {
    if (actor.isAdministrator()) {
      return true;
    }
    return token instanceof PersonalToken personal && actor.userId().contains(personal.ownerId());
  }

  static UseCaseFailure forbiddenUnlessAdministrator() {
    return new UseCaseFailure.Forbidden("Only administrators may do this.");
  }

  /**
   * The acting user with their contact and organization: a signed-in {@link User} as it is, the
   * owner of a personal token read from {@code accounts} (authentication does not load them).
   */
  static Either<UseCaseFailure, User> asUser(Principal actor, AccountDirectory accounts) {
    if (actor instanceof User user) {
      return Either.right(user);
    }
    if (actor.userId().isEmpty()) {
      return Either.left(
          new UseCaseFailure.Forbidden(
              "Only users have an account and personal tokens; "
                  + actor.login()
                  + " is an application token."));
    }
    return accounts
        .user(actor.userId().get())
        .toEither(() -> new UseCaseFailure.NotFound("No user " + actor.login() + "."));
  }

  static Either<UseCaseFailure, Principal> administrator(Principal actor) {
    return actor.isAdministrator()
        ? Either.right(actor)
        : Either.left(forbiddenUnlessAdministrator());
  }
}
