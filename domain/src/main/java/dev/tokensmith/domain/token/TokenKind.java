package dev.tokensmith.domain.token;

import java.util.Locale;

/** Personal tokens act as their owner; application tokens are principals of their own. */
public enum TokenKind {
  PERSONAL('p'),
  APPLICATION('a');

  private final char letter;

  TokenKind(char letter) {
    this.letter = letter;
  }

  /**
   * The letter after the installation prefix in the token string ({@code tksp_}, {@code tksa_}).
   */
  public char letter() {
    return letter;
  }

  /** The lower-case name used in the API. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
