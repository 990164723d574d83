package dev.tokensmith.javalin;

import dev.tokensmith.domain.token.Scope;
import java.util.List;
import java.util.Objects;

/**
 * One request's question to a {@link TokenVerifier}: the token values it presented (in order of
 * precedence), the scope its route needs, the route (for the owner's failure log) and the client's
 * address.
 */
public record TokenCheck(
    List<String> presented, Scope required, String endpoint, String clientAddress) {
  public TokenCheck {
    presented = List.copyOf(presented);
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(clientAddress, "clientAddress");
  }

  @Override
  public String toString() {
    return "TokenCheck[presented="
        + presented.size()
        + " value(s), required="
        + required
        + ", endpoint="
        + endpoint
        + "]";
  }
}
