package dev.tokensmith.adapter.persistence;

/**
 * Why the configured pepper cannot digest this database's tokens: a key id the database knows with
 * another key, or a key id its tokens need that the pepper lacks. Names key ids, never keys.
 */
public sealed interface PepperMismatch {
  /** The pepper key id the mismatch is about. */
  String keyId();

  /**
   * One sentence saying what is wrong and what to do, naming the pepper by {@code source} (e.g.
   * {@code TOKENSMITH_TOKEN_PEPPER}) and key ids, never a key.
   */
  String sentence(String source);

  /** The configured key {@code keyId} is not the key the database recorded for that id. */
  record DifferentKey(String keyId) implements PepperMismatch {
    @Override
    public String sentence(String source) {
      return "pepper key "
          + keyId
          + " of "
          + source
          + " is not the key "
          + keyId
          + " this database's tokens were made with (its check value differs): configure the"
          + " pepper of this installation (copy its pepper file, or set TOKENSMITH_TOKEN_PEPPER"
          + " to it) and start again";
    }
  }

  /** {@code tokens} tokens have digests made with key {@code keyId}, which is not configured. */
  record MissingKey(String keyId, long tokens) implements PepperMismatch {
    @Override
    public String sentence(String source) {
      return "the database holds "
          + tokens
          + (tokens == 1 ? " token" : " tokens")
          + " digested with pepper key "
          + keyId
          + ", which "
          + source
          + " lacks: add "
          + keyId
          + " back (entries <keyId>:<base64>, the newest last) and start again, or delete those"
          + " tokens before removing the key";
    }
  }
}
