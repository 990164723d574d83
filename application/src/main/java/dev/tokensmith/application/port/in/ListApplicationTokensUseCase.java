package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;

/**
 * Pages through every application token for administrators, newest first; Forbidden for anyone
 * else, InvalidInput for a bad {@code limit} or {@code cursor}.
 */
public interface ListApplicationTokensUseCase {
  Either<UseCaseFailure, Page<TokenSummary>> listApplicationTokens(
      Principal actor, PageRequest page);
}
