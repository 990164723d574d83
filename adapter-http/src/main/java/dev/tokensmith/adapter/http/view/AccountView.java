package dev.tokensmith.adapter.http.view;

import dev.tokensmith.application.port.in.MyAccount;
import dev.tokensmith.domain.account.User;
import java.util.List;

/**
 * The acting user's own account ({@code GET /api/v1/me}): the user, their contact, and whether they
 * may own personal tokens (with the reason when not, for the web UI to show instead of the table).
 */
public record AccountView(
    AccountView.UserPart user, ContactView contact, AccountView.PersonalTokens personalTokens) {
  /** The user part of the account. */
  public record UserPart(String login, String organization, List<String> profiles, String status) {}

  /** Whether the user may own personal tokens; {@code reason} says why not, else is null. */
  public record PersonalTokens(boolean allowed, String reason) {}

  public static AccountView from(MyAccount account) {
    User user = account.user();
    List<String> profiles = TokenView.profileNames(user.profiles());
    return new AccountView(
        new UserPart(user.login(), user.organization().name(), profiles, user.status().code()),
        ContactView.from(user.contact()),
        account.mayOwnPersonalTokens()
            ? new PersonalTokens(true, null)
            : new PersonalTokens(false, notAllowed(profiles)));
  }

  private static String notAllowed(List<String> profiles) {
    String held =
        profiles.isEmpty()
            ? "you hold no profile"
            : "none of your profiles (" + String.join(", ", profiles) + ") is one";
    return "Personal tokens are only for users holding a profile allowed to own them"
        + " (REST Services User or Administrator in a standard installation), and "
        + held
        + ". Ask an administrator to give you such a profile.";
  }
}
