package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Either;

/**
 * Deletes a token, leaving a tombstone so its value is reported as deleted. NotFound for someone
 * else's token.
 */
public interface DeleteTokenUseCase {
  Either<UseCaseFailure, TokenId> deleteToken(TokenCommand command);
}
