package dev.tokensmith.bootstrap;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.application.port.out.PasswordHasher;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import io.vavr.control.Option;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Set;

/**
 * What an empty installation gets on its first start: the organization {@code My Company} and the
 * first administrator, whose password is generated and printed once when none is configured.
 */
final class FirstStart {
  static final String FIRST_ORGANIZATION = "My Company";
  private static final String ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private FirstStart() {}

  /** Returns true when this was the first start (no user existed). */
  static boolean ensureAdministrator(
      AccountDirectory accounts,
      PasswordHasher passwords,
      String login,
      Option<String> configuredPassword,
      PrintStream out) {
    if (!accounts.users(Option.none(), 1).isEmpty()) {
      return false;
    }
    Organization organization =
        accounts
            .organizationByName(FIRST_ORGANIZATION)
            .getOrElse(() -> accounts.addOrganization(FIRST_ORGANIZATION));
    String password = configuredPassword.getOrElse(FirstStart::generatedPassword);
    accounts.addUser(
        new NewUser(
            login,
            Status.ENABLED,
            organization,
            Set.of(Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER),
            new NewPerson(
                "Tokensmith", "Administrator", "admin@example.com", Option.none(), organization)),
        passwords.hash(Password.of(password)));
    if (configuredPassword.isEmpty()) {
      // printed once, on the console of the first start only; never logged
      out.println("First start: created the administrator '" + login + "' with the password");
      out.println();
      out.println("    " + password);
      out.println();
      out.println("It is shown only this once; change it in Administration after signing in.");
    } else {
      out.println(
          "First start: created the administrator '"
              + login
              + "' with the password from TOKENSMITH_ADMIN_PASSWORD.");
    }
    return true;
  }

  private static String generatedPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
