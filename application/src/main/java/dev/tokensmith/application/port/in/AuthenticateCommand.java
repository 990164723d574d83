package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.token.Scope;
import java.util.List;

/**
 * Every token value found in one request (none, one, or the same one several times), the scope the
 * endpoint requires, the endpoint (for the owner's failure log) and the client's address.
 */
public record AuthenticateCommand(
    List<String> presented, Scope required, String endpoint, String clientAddress) {
  public AuthenticateCommand {
    presented = List.copyOf(presented);
  }

  @Override
  public String toString() {
    return "AuthenticateCommand[presented="
        + presented.size()
        + " value(s), required="
        + required
        + ", endpoint="
        + endpoint
        + ", clientAddress="
        + clientAddress
        + "]";
  }
}
