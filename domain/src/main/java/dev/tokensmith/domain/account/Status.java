package dev.tokensmith.domain.account;

import io.vavr.control.Option;
import java.util.Locale;

/** Whether a principal (a user or an application token) may authenticate at all. */
public enum Status {
  ENABLED,
  DISABLED;

  /** The lower-case name used in the API and the database. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code enabled} or {@code disabled}; anything else is none. */
  public static Option<Status> parse(String code) {
    for (Status status : values()) {
      if (status.code().equals(code)) {
        return Option.some(status);
      }
    }
    return Option.none();
  }
}
