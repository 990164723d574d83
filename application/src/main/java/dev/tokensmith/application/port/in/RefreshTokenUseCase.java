package dev.tokensmith.application.port.in;

import io.vavr.control.Either;

/**
 * Gives a token a new secret; the old value stops working at once (or after the configured grace)
 * and is then reported as refreshed. Id, counters and settings are kept. NotFound for someone
 * else's token.
 */
public interface RefreshTokenUseCase {
  Either<UseCaseFailure, IssuedToken> refreshToken(TokenCommand command);
}
