package dev.tokensmith.adapter.http.view;

import dev.tokensmith.domain.account.User;
import java.util.List;

/** A user as administrators see it (the user body of DESIGN §3 without the password). */
public record UserView(
    String login, String status, String organization, List<String> profiles, ContactView contact) {
  public static UserView from(User user) {
    return new UserView(
        user.login(),
        user.status().code(),
        user.organization().name(),
        TokenView.profileNames(user.profiles()),
        ContactView.from(user.contact()));
  }
}
