package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/**
 * How a replica finds its object: by the attributes marked {@code reconcile}, or by its primary key
 * taken as the object's id.
 */
public enum ReconciliationPolicy {
  USE_ATTRIBUTES("use_attributes"),
  USE_PRIMARY_KEY("use_primary_key");

  private final String code;

  ReconciliationPolicy(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<ReconciliationPolicy> byCode(String code) {
    for (ReconciliationPolicy value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
