package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/**
 * What a synchronization does to the object of a replica that the last full load did not see:
 * nothing, delete it, update it (with {@code delete_policy_update}), or update it then delete it
 * once {@code delete_policy_retention} has passed.
 */
public enum DeletePolicy {
  IGNORE("ignore"),
  DELETE("delete"),
  UPDATE("update"),
  UPDATE_THEN_DELETE("update_then_delete");

  private final String code;

  DeletePolicy(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** Whether replicas not seen since the limit are looked at at all. */
  public boolean actsOnUnseen() {
    return this != IGNORE;
  }

  /** Whether an unseen replica's object is updated (and the replica made obsolete). */
  public boolean updatesUnseen() {
    return this == UPDATE || this == UPDATE_THEN_DELETE;
  }

  /** Whether an unseen replica's object is deleted at once. */
  public boolean deletesUnseen() {
    return this == DELETE;
  }

  /** Whether obsolete replicas are deleted once the retention has passed. */
  public boolean deletesAfterRetention() {
    return this == UPDATE_THEN_DELETE;
  }

  /** Whether the policy needs {@code delete_policy_update}. */
  public boolean needsUpdate() {
    return updatesUnseen();
  }

  /** Whether the policy needs a positive {@code delete_policy_retention}. */
  public boolean needsRetention() {
    return this == UPDATE_THEN_DELETE;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<DeletePolicy> byCode(String code) {
    for (DeletePolicy value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
