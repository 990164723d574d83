package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.token.TokenId;
import java.time.Instant;

/**
 * Counts successful authentications exactly, even when they run concurrently (the increment happens
 * where the data lives, never read-modify-write).
 */
public interface UsageRecorder {
  void recordUse(TokenId id, Instant at, String address);
}
