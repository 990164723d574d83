package dev.tokensmith.domain.authentication;

/** Which stored digest, if any, a presented secret matched. */
public enum SecretMatch {
  /** The current digest. */
  CURRENT,
  /** The digest replaced by the last refresh. */
  PREVIOUS,
  /** Neither. */
  NONE
}
