package dev.tokensmith.domain.session;

import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret that names a web UI session (the value of its cookie): 32 random bytes, base64url
 * without padding (43 characters). Only its {@link #digest()} is stored; the CSRF token of the
 * session is derived from it ({@link #csrfToken()}), so it is bound to the session and never
 * stored. Neither hash reveals the key. {@code toString()} prints a redaction.
 */
public final class SessionKey {
  /** Random bytes in a key. */
  public static final int BYTES = 32;

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String value;

  private SessionKey(String value) {
    this.value = value;
  }

  /** A key from {@link #BYTES} random bytes. */
  public static SessionKey of(byte[] random) {
    if (random.length != BYTES) {
      throw new IllegalArgumentException("a session key takes " + BYTES + " random bytes");
    }
    return new SessionKey(BASE64URL.encodeToString(random));
  }

  /** The key a cookie holds; none for anything that cannot be a key (no storage is asked then). */
  public static Option<SessionKey> parse(String presented) {
    return presented != null && FORMAT.matcher(presented).matches()
        ? Option.some(new SessionKey(presented))
        : Option.none();
  }

  /** The cookie value: only for the response that sets the cookie. */
  public String reveal() {
    return value;
  }

  /** What the database keeps to find the session: SHA-256 of the key, domain-separated. */
  public SessionDigest digest() {
    return new SessionDigest(hash("tokensmith-session:"));
  }

  /** The CSRF token of the session: the page's scripts send it back on unsafe requests. */
  public String csrfToken() {
    return hash("tokensmith-csrf:");
  }

  /** Whether {@code presented} is this session's CSRF token; constant-time. */
  public boolean acceptsCsrfToken(String presented) {
    return presented != null
        && MessageDigest.isEqual(
            csrfToken().getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  private String hash(String purpose) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(purpose.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(sha256.digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionKey key
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.US_ASCII),
            key.value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "SessionKey[redacted]";
  }
}
