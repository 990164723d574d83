package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/** What a new replica does when several objects match. */
public enum ActionOnMultiple {
  TAKE_FIRST("take_first"),
  CREATE("create"),
  ERROR("error");

  private final String code;

  ActionOnMultiple(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<ActionOnMultiple> byCode(String code) {
    for (ActionOnMultiple value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
