package dev.tokensmith.bootstrap;

import dev.tokensmith.application.port.out.RandomBytes;
import java.security.SecureRandom;

/** {@link RandomBytes} from the platform's {@link SecureRandom}, for token ids and secrets. */
final class SecureRandomBytes implements RandomBytes {
  private final SecureRandom random = new SecureRandom();

  @Override
  public byte[] next(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }
}
