package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/** The life stage of a data source; an obsolete one runs no synchronization. */
public enum DataSourceStatus {
  IMPLEMENTATION("implementation"),
  PRODUCTION("production"),
  OBSOLETE("obsolete");

  private final String code;

  DataSourceStatus(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<DataSourceStatus> byCode(String code) {
    for (DataSourceStatus value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
