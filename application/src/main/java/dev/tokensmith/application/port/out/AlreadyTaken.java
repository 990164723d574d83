package dev.tokensmith.application.port.out;

/**
 * What out-port adapters throw when a write needs a value that must be unique (a user's login, an
 * application token's login, an organization's name) and another write took it first — typically a
 * concurrent request between the use case's check and its write. Use cases answer it as a conflict;
 * the message names the rule, never a secret.
 */
public class AlreadyTaken extends IllegalStateException {
  public AlreadyTaken(String message, Throwable cause) {
    super(message, cause);
  }

  public AlreadyTaken(String message) {
    super(message);
  }
}
