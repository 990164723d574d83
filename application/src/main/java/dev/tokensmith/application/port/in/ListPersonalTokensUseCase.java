package dev.tokensmith.application.port.in;

import io.vavr.control.Either;

/**
 * Pages through everyone's personal tokens for administrators, filtered, newest first; Forbidden
 * for anyone else, InvalidInput for a bad filter, {@code limit} or {@code cursor}.
 */
public interface ListPersonalTokensUseCase {
  Either<UseCaseFailure, Page<TokenSummary>> listPersonalTokens(ListPersonalTokensQuery query);
}
