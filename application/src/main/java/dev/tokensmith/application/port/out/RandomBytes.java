package dev.tokensmith.application.port.out;

/** Unpredictable bytes for token ids and secrets ({@code SecureRandom} in production). */
public interface RandomBytes {
  byte[] next(int count);
}
