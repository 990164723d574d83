package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
import dev.tokensmith.domain.token.TokenRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/** The edit of the settings every token has: scopes and expiry. */
final class Settings {
  private Settings() {}

  static Either<UseCaseFailure, Credential> edit(
      Credential credential,
      Option<Set<String>> newScopes,
      Option<Option<Instant>> newExpiresAt,
      Supplier<ScopeCatalog> catalog,
      TokenRules rules,
      Instant now) {
    Set<Scope> scopes = credential.scopes();
    if (newScopes.isDefined()) {
      Either<UseCaseFailure, Set<Scope>> parsed = Inputs.scopes(catalog.get(), newScopes.get());
      if (parsed.isLeft()) {
        return Either.left(parsed.getLeft());
      }
      scopes = parsed.get();
    }
    Option<Instant> expiresAt = credential.expiresAt();
    if (newExpiresAt.isDefined()) {
      Either<UseCaseFailure, Option<Instant>> expiry =
          rules.expiry(newExpiresAt.get(), now).mapLeft(InvalidInput::of);
      if (expiry.isLeft()) {
        return Either.left(expiry.getLeft());
      }
      expiresAt = expiry.get();
    }
    return Either.right(credential.withSettings(scopes, expiresAt));
  }
}
