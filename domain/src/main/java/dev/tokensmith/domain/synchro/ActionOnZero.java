package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/** What a new replica does when no object matches its reconciliation keys. */
public enum ActionOnZero {
  CREATE("create"),
  ERROR("error");

  private final String code;

  ActionOnZero(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<ActionOnZero> byCode(String code) {
    for (ActionOnZero value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
