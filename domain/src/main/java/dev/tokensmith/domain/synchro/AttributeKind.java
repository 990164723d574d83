package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/** The kind of a synchronized attribute, named as iTop's class of it (its {@code finalclass}). */
public enum AttributeKind {
  PLAIN("SynchroAttribute"),
  EXTERNAL_KEY("SynchroAttExtKey"),
  LINK_SET("SynchroAttLinkSet");

  private final String code;

  AttributeKind(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<AttributeKind> byCode(String code) {
    for (AttributeKind value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
