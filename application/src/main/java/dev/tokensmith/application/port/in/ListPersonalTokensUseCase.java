package dev.tokensmith.application.port.in;

import io.vavr.control.Either;
import java.util.List;

/** Lists everyone's personal tokens for administrators; Forbidden for anyone else. */
public interface ListPersonalTokensUseCase {
  Either<UseCaseFailure, List<TokenSummary>> listPersonalTokens(ListPersonalTokensQuery query);
}
