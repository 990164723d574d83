package dev.tokensmith.application.port.in;

/** A presented token value, and the address it came from (for the owner's audit trail). */
public record RevokeTokenCommand(String value, String clientAddress) {
  @Override
  public String toString() {
    return "RevokeTokenCommand[value=redacted, clientAddress=" + clientAddress + "]";
  }
}
