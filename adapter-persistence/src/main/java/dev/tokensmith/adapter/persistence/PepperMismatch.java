package dev.tokensmith.adapter.persistence;

/**
 * Why the configured pepper cannot digest this database's tokens: a key id the database knows with
 * another key, or a key id its tokens need that the pepper lacks. Names key ids, never keys.
 */
public sealed interface PepperMismatch {
  /** The pepper key id the mismatch is about. */
  String keyId();

  /** The configured key {@code keyId} is not the key the database recorded for that id. */
  record DifferentKey(String keyId) implements PepperMismatch {}

  /** {@code tokens} tokens have digests made with key {@code keyId}, which is not configured. */
  record MissingKey(String keyId, long tokens) implements PepperMismatch {}
}
