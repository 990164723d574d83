package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/** Where one synchronization run stands, as iTop's {@code SynchroLog} says it. */
public enum SynchroLogStatus {
  RUNNING("running"),
  COMPLETED("completed"),
  ERROR("error");

  private final String code;

  SynchroLogStatus(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<SynchroLogStatus> byCode(String code) {
    for (SynchroLogStatus value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
