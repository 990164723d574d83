package dev.tokensmith.adapter.http.view;

import dev.tokensmith.application.port.in.MyAccount;
import dev.tokensmith.domain.account.User;
import java.util.List;

/** The acting user's own account ({@code GET /api/v1/me}): the user and their contact. */
public record AccountView(AccountView.UserPart user, ContactView contact) {
  /** The user part of the account. */
  public record UserPart(String login, String organization, List<String> profiles, String status) {}

  public static AccountView from(MyAccount account) {
    User user = account.user();
    return new AccountView(
        new UserPart(
            user.login(),
            user.organization().name(),
            TokenView.profileNames(user.profiles()),
            user.status().code()),
        ContactView.from(user.contact()));
  }
}
