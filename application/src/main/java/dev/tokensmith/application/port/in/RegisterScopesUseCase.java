package dev.tokensmith.application.port.in;

import io.vavr.control.Either;
import java.util.List;

/**
 * Adds scopes defined by a service to the installation's catalogue (stored, so every instance knows
 * them); registering a known scope again only updates its description. Fails with {@link
 * UseCaseFailure.InvalidInput} for an invalid name, a blank or over-long description, or a standard
 * scope's name; then nothing is registered.
 */
public interface RegisterScopesUseCase {
  Either<UseCaseFailure, List<KnownScope>> registerScopes(List<RegisterScopeCommand> scopes);
}
