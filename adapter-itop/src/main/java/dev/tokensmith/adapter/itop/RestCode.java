package dev.tokensmith.adapter.itop;

/** The {@code code} of an iTop REST answer, as iTop's {@code RestResult} numbers them. */
enum RestCode {
  OK(0),
  UNAUTHORIZED(1),
  MISSING_VERSION(2),
  MISSING_JSON(3),
  INVALID_JSON(4),
  UNSUPPORTED_VERSION(10),
  UNKNOWN_OPERATION(11),
  UNSAFE(12),
  INVALID_PAGE(13),
  INTERNAL_ERROR(100);

  private final int number;

  RestCode(int number) {
    this.number = number;
  }

  int number() {
    return number;
  }
}
