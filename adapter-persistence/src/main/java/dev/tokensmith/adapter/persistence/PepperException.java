package dev.tokensmith.adapter.persistence;

/**
 * A pepper that cannot be read, parsed or created; the message is one sentence naming the source
 * (variable or file), never the key material.
 */
public final class PepperException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PepperException(String message) {
    super(message);
  }

  public PepperException(String message, Throwable cause) {
    super(message, cause);
  }
}
