package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.RandomBytes;
import java.util.Random;

/** Repeatable {@link RandomBytes} for tests; never for production. */
public final class SeededRandomBytes implements RandomBytes {
  private final Random random;

  public SeededRandomBytes(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public synchronized byte[] next(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }
}
