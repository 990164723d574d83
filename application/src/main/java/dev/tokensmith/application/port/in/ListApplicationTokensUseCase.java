package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Either;
import java.util.List;

/** Lists every application token for administrators; Forbidden for anyone else. */
public interface ListApplicationTokensUseCase {
  Either<UseCaseFailure, List<TokenSummary>> listApplicationTokens(Principal actor);
}
