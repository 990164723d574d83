package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.AttemptWindow;
import dev.tokensmith.application.port.out.FailedAttemptCounter;
import dev.tokensmith.domain.authentication.AttemptBudget;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The budgets of failed attempts, decided here and counted by the {@link FailedAttemptCounter}: a
 * token that does not work spends its address's budget, a wrong password spends its login's and its
 * address's. Nothing here runs for a credential that works, except the read of a login's budget
 * before its password is checked.
 */
final class FailedAttempts {
  static final String WRONG_TOKEN_ADDRESS = "wrong-token-address:";
  static final String WRONG_PASSWORD_LOGIN = "wrong-password-login:";
  static final String WRONG_PASSWORD_ADDRESS = "wrong-password-address:";

  private final FailedAttemptCounter counter;
  private final AttemptBudgets budgets;

  FailedAttempts(FailedAttemptCounter counter, AttemptBudgets budgets) {
    this.counter = counter;
    this.budgets = budgets;
  }

  /**
   * A token was refused for {@code failure}: when the failure could be a guess, it spends the
   * address's budget, and once that is spent the answer is {@link
   * AuthenticationFailure.RateLimited} instead. Failures of a value whose secret matched (expired,
   * refreshed, disabled, lacking a scope or profile) are not guesses: never counted, always
   * answered with their own reason.
   */
  AuthenticationFailure tokenRefused(AuthenticationFailure failure, String address, Instant now) {
    if (!isGuess(failure)) {
      return failure;
    }
    AttemptBudget budget = budgets.wrongTokensPerAddress();
    AttemptWindow window = window(budget, WRONG_TOKEN_ADDRESS + addressKey(address), now);
    long counted = counter.countFailure(List.of(window)).get(0);
    return budget.isSpentBy(counted)
        ? new AuthenticationFailure.RateLimited(failure.tokenId(), budget.retryAfter(now))
        : failure;
  }

  /**
   * Before a password is checked: the wait when its login has spent its budget of wrong passwords
   * (the password is then not checked at all), none when it may be checked.
   */
  Option<UseCaseFailure> passwordRefusal(String login, Instant now) {
    AttemptBudget budget = budgets.wrongPasswordsPerLogin();
    long counted = counter.failures(window(budget, WRONG_PASSWORD_LOGIN + loginKey(login), now));
    return budget.isExhaustedBy(counted)
        ? Option.some(new UseCaseFailure.TooManyAttempts(budget.retryAfter(now)))
        : Option.none();
  }

  /**
   * A wrong password (or a sign-in that could not be checked) for {@code login}, if any, from
   * {@code address}: spends both budgets; TooManyAttempts once either is spent, else
   * InvalidCredentials.
   */
  UseCaseFailure passwordFailed(Option<String> login, String address, Instant now) {
    List<AttemptWindow> windows = new ArrayList<>();
    List<AttemptBudget> spent = new ArrayList<>();
    AttemptBudget perAddress = budgets.wrongPasswordsPerAddress();
    windows.add(window(perAddress, WRONG_PASSWORD_ADDRESS + addressKey(address), now));
    spent.add(perAddress);
    if (login.isDefined()) {
      AttemptBudget perLogin = budgets.wrongPasswordsPerLogin();
      windows.add(window(perLogin, WRONG_PASSWORD_LOGIN + loginKey(login.get()), now));
      spent.add(perLogin);
    }
    List<Long> counted = counter.countFailure(windows);
    Duration wait = Duration.ZERO;
    for (int i = 0; i < spent.size(); i++) {
      if (spent.get(i).isSpentBy(counted.get(i))) {
        Duration retryAfter = spent.get(i).retryAfter(now);
        wait = retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
      }
    }
    return wait.isZero()
        ? new UseCaseFailure.InvalidCredentials()
        : new UseCaseFailure.TooManyAttempts(wait);
  }

  /**
   * Whether a refused token could be someone guessing: a value that is not a token, names no token,
   * or does not match its secret. A deleted token's value is not checked, so it counts too.
   */
  static boolean isGuess(AuthenticationFailure failure) {
    return failure instanceof AuthenticationFailure.MalformedToken
        || failure instanceof AuthenticationFailure.UnknownToken
        || failure instanceof AuthenticationFailure.TokenDeleted
        || failure instanceof AuthenticationFailure.WrongSecret;
  }

  private static AttemptWindow window(AttemptBudget budget, String key, Instant now) {
    return new AttemptWindow(key, budget.windowStart(now), budget.windowEnd(now));
  }

  /** Logins are compared exactly, as the account directory compares them. */
  static String loginKey(String login) {
    return login;
  }

  /**
   * An IPv6 client is counted by its /64 network (one subscriber gets a whole /64, so single
   * addresses would let it multiply its budget); IPv4 by its address.
   */
  static String addressKey(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    String[] halves = address.split("::", -1);
    if (halves.length > 2 || !address.matches("[0-9A-Fa-f:]+")) {
      return address.toLowerCase(Locale.ROOT);
    }
    List<String> groups = new ArrayList<>();
    String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
    String[] tail =
        halves.length == 2 && !halves[1].isEmpty() ? halves[1].split(":", -1) : new String[0];
    groups.addAll(List.of(head));
    if (halves.length == 2) {
      for (int i = head.length + tail.length; i < 8; i++) {
        groups.add("0");
      }
    }
    groups.addAll(List.of(tail));
    if (groups.size() != 8) {
      return address.toLowerCase(Locale.ROOT);
    }
    StringBuilder network = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      String group = groups.get(i).replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT);
      network.append(group).append(':');
    }
    return network.append(":/64").toString();
  }
}
