package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;

/**
 * Pages through the acting user's personal tokens, newest first; Forbidden for a principal that is
 * not a user, InvalidInput for a bad {@code limit} or {@code cursor}.
 */
public interface ListMyPersonalTokensUseCase {
  Either<UseCaseFailure, Page<TokenSummary>> listMyPersonalTokens(
      Principal actor, PageRequest page);
}
