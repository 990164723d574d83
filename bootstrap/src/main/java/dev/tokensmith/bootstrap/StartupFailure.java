package dev.tokensmith.bootstrap;

/** The service cannot start; the message is one sentence saying why and what to do. */
public final class StartupFailure extends RuntimeException {
  public StartupFailure(String message) {
    super(message);
  }

  public StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
