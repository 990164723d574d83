package dev.tokensmith.domain.authentication;

import java.time.Duration;
import java.util.Objects;

/**
 * The installation's budgets of failed attempts (see docs/security.md). A valid credential never
 * spends nor consults the budgets of other credentials; each budget slows only its own kind of
 * guess.
 *
 * @param wrongTokensPerAddress tokens that do not work (malformed, unknown, deleted, wrong secret)
 *     from one client address; beyond it such tokens are refused as {@code rate_limited}, while a
 *     token that works keeps working
 * @param wrongPasswordsPerLogin wrong passwords for one login, from any address; beyond it every
 *     password attempt for that login is refused until the window ends (the owner waits at most one
 *     window)
 * @param wrongPasswordsPerAddress wrong passwords from one client address, whatever the login;
 *     beyond it wrong passwords are answered {@code rate_limited}, while a correct one still signs
 *     in
 */
public record AttemptBudgets(
    AttemptBudget wrongTokensPerAddress,
    AttemptBudget wrongPasswordsPerLogin,
    AttemptBudget wrongPasswordsPerAddress) {

  /**
   * 30 wrong tokens per minute and address; 10 wrong passwords per 5 minutes and login, 30 per
   * address.
   */
  public static final AttemptBudgets DEFAULT =
      new AttemptBudgets(
          new AttemptBudget(30, Duration.ofMinutes(1)),
          new AttemptBudget(10, Duration.ofMinutes(5)),
          new AttemptBudget(30, Duration.ofMinutes(5)));

  public AttemptBudgets {
    Objects.requireNonNull(wrongTokensPerAddress, "wrongTokensPerAddress");
    Objects.requireNonNull(wrongPasswordsPerLogin, "wrongPasswordsPerLogin");
    Objects.requireNonNull(wrongPasswordsPerAddress, "wrongPasswordsPerAddress");
  }
}
