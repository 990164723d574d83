package dev.tokensmith.domain.notification;

import io.vavr.control.Option;
import java.util.Arrays;

/**
 * What a lifecycle notification is about; {@link #code()} is its stable name (the webhook payload's
 * {@code type}, the owner's choices in My account).
 */
public enum NotificationKind {
  EXPIRY_COMING("token.expiry_coming", "A token expires in 30, 7 or 1 days"),
  TOKEN_CREATED("token.created", "A token was created"),
  TOKEN_REFRESHED("token.refreshed", "A token was refreshed"),
  TOKEN_DELETED("token.deleted", "A token was deleted"),
  TOKEN_REVOKED("token.revoked", "A token was revoked by its value"),
  NEW_ADDRESS("token.new_address", "A token was used from a new address"),
  PROFILE_NOT_ALLOWED(
      "token.profile_not_allowed", "A token was refused because its owner lost a profile"),
  POLICY_DEADLINE("token.policy_deadline", "A token no longer fits the policy and will stop"),
  /**
   * A test delivery an administrator sent to one webhook: no token, no e-mail, no owner's choice
   * (see {@link #isOwnersChoice()}).
   */
  WEBHOOK_TEST("webhook.test", "A test delivery an administrator sent to a webhook");

  private final String code;
  private final String title;

  NotificationKind(String code, String title) {
    this.code = code;
    this.title = title;
  }

  public String code() {
    return code;
  }

  /** What the owner chooses in My account. */
  public String title() {
    return title;
  }

  /** Whether owners choose it in My account and webhooks subscribe to it (not a test delivery). */
  public boolean isOwnersChoice() {
    return this != WEBHOOK_TEST;
  }

  public static Option<NotificationKind> ofCode(String code) {
    return Option.ofOptional(Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst());
  }
}
