package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.ScopeCatalog;
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
      TokenPolicy policy,
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
          policy.expiry(newExpiresAt.get(), now).mapLeft(InvalidInput::of);
      if (expiry.isLeft()) {
        return Either.left(expiry.getLeft());
      }
      expiresAt = expiry.get();
    }
    return Either.right(credential.withSettings(scopes, expiresAt));
  }

  /**
   * {@code credential} without its policy deadline when it now fits {@code policy} (its owner, of
   * {@code ownerProfiles}, fixed what no longer fitted); unchanged otherwise. Inactivity is not a
   * reason to keep the deadline: it has its own rule.
   */
  static Credential fitting(
      Credential credential,
      TokenPolicy policy,
      Option<Set<dev.tokensmith.domain.account.Profile>> ownerProfiles,
      Instant now) {
    if (credential.policyDeadline().isEmpty()) {
      return credential;
    }
    boolean fits =
        policy.misfits(credential, ownerProfiles, now).stream()
            .allMatch(m -> m instanceof dev.tokensmith.domain.policy.Misfit.Inactive);
    return fits ? credential.withPolicyDeadline(Option.none()) : credential;
  }
}
