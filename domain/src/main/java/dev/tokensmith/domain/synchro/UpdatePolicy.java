package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/**
 * Who owns a synchronized attribute: the data source alone ({@code master_locked}), the data source
 * while users may also edit it ({@code master_unlocked}), or the data source only where the object
 * has no value yet ({@code write_if_empty}).
 */
public enum UpdatePolicy {
  MASTER_LOCKED("master_locked"),
  MASTER_UNLOCKED("master_unlocked"),
  WRITE_IF_EMPTY("write_if_empty");

  private final String code;

  UpdatePolicy(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** Whether the replica's value is written over the object's {@code current} value. */
  public boolean writesOver(String current) {
    return this != WRITE_IF_EMPTY || current == null || current.isEmpty();
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<UpdatePolicy> byCode(String code) {
    for (UpdatePolicy value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
