package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;
import java.util.List;

/** Lists the acting user's personal tokens; Forbidden for a principal that is not a user. */
public interface ListMyPersonalTokensUseCase {
  Either<UseCaseFailure, List<TokenSummary>> listMyPersonalTokens(Principal actor);
}
