package dev.tokensmith.application.port.out;

/**
 * Thrown by out-port adapters when the storage refuses a text value of the request as it was sent
 * (the database cannot hold it: a NUL character, an unpaired surrogate, a value too long for its
 * column). The input rule at the adapters' entry should have refused it first; adapters answer it
 * as the caller's mistake, never as an outage. The message names the SQLSTATE, never the value.
 */
public class StorageRefusedInput extends RuntimeException {
  public StorageRefusedInput(String message, Throwable cause) {
    super(message, cause);
  }
}
