package dev.tokensmith.domain.account;

import java.util.regex.Pattern;

/** The rule for logins of users and application tokens. */
public final class Logins {
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");

  private Logins() {}

  /** A sentence saying what is wrong with {@code login}, or null when it is valid. */
  public static @org.jspecify.annotations.Nullable String problem(String login) {
    if (login == null || login.isBlank()) {
      return "login must not be blank";
    }
    if (!LOGIN.matcher(login).matches()) {
      return "login must be 1 to 128 letters, digits or . _ @ + - and start with a letter or digit";
    }
    return null;
  }

  /** Returns the login, or throws when it breaks the rule. */
  public static String required(String login) {
    String problem = problem(login);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return login;
  }
}
