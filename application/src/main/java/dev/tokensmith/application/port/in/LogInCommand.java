package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Password;
import java.util.Objects;

/**
 * A login and password typed into the web UI or sent to a REST web service, and the address of the
 * client that sent them (its failures spend that address's budget).
 */
public record LogInCommand(String login, Password password, String clientAddress) {
  public LogInCommand {
    Objects.requireNonNull(clientAddress, "clientAddress");
  }
}
