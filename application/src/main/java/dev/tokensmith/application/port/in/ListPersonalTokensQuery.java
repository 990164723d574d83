package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import io.vavr.control.Option;

/**
 * Administrators' filter over every personal token, and the page to show.
 *
 * @param ownerLogin the tokens of the user with this login
 * @param application tokens whose application contains this text, ignoring case
 * @param scope tokens granting this scope (its name or iTop code)
 * @param expiredOnly expired tokens only
 * @param expiringWithinDays tokens not expired that expire within this many days
 * @param unusedForDays tokens not used (nor created) for this many days
 */
public record ListPersonalTokensQuery(
    Principal actor,
    Option<String> ownerLogin,
    Option<String> application,
    Option<String> scope,
    boolean expiredOnly,
    Option<Integer> expiringWithinDays,
    Option<Integer> unusedForDays,
    PageRequest page) {
  /** Every personal token, first page. */
  public static ListPersonalTokensQuery all(Principal actor, PageRequest page) {
    return new ListPersonalTokensQuery(
        actor,
        Option.none(),
        Option.none(),
        Option.none(),
        false,
        Option.none(),
        Option.none(),
        page);
  }
}
