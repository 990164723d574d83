package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/** What a new replica does when exactly one object matches. */
public enum ActionOnOne {
  UPDATE("update"),
  ERROR("error");

  private final String code;

  ActionOnOne(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<ActionOnOne> byCode(String code) {
    for (ActionOnOne value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
