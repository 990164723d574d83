package dev.tokensmith.application.port.out;

/**
 * The one infrastructure exception out-port adapters throw when their storage cannot answer (down,
 * unreachable, timed out). Adapters map it to "service unavailable"; the message never holds a
 * secret.
 */
public class StorageFailure extends RuntimeException {
  public StorageFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
