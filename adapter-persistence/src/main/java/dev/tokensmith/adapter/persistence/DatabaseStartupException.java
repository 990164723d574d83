package dev.tokensmith.adapter.persistence;

/**
 * The database cannot be used at start (unusable data directory, port taken, server unreachable,
 * migration failed); the message is one sentence for the person starting the service.
 */
public final class DatabaseStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseStartupException(String message, Throwable cause) {
    super(message, cause);
  }

  public DatabaseStartupException(String message) {
    super(message);
  }
}
