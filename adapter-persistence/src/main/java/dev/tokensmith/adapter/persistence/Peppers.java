package dev.tokensmith.adapter.persistence;

import io.vavr.control.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret keys ("peppers") of the token digests, by key id, the last one being the newest; never
 * stored in the database and printed redacted.
 *
 * <p>Text format (variable {@code TOKENSMITH_TOKEN_PEPPER} or a pepper file): either one base64
 * value, which is key {@code k1}, or comma- or newline-separated entries {@code <keyId>:<base64>},
 * oldest first, e.g. {@code k1:<base64>,k2:<base64>}. New digests use the last (newest) key;
 * digests made with any listed key still verify. A key id is 1 to 32 letters, digits, {@code _} or
 * {@code -}; a key has at least {@value #MIN_KEY_BYTES} bytes; blank lines and lines starting with
 * {@code #} are ignored. To rotate, append a new entry and restart; drop an old entry only once no
 * digest made with it matters any more (its tokens stop working). {@link PepperChecks} proves at
 * every start that each key id still stands for the key the database recorded for it.
 */
public final class Peppers {
  /** The default key id, for a pepper given as a single base64 value. */
  public static final String DEFAULT_KEY_ID = "k1";

  /** The size of a generated key, in bytes. */
  public static final int GENERATED_KEY_BYTES = 32;

  /** The smallest key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 16;

  /** What a check value is the HMAC of, followed by the key id. */
  private static final String CHECK_LABEL = "tokensmith pepper check v1:";

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Map<String, byte[]> keys;
  private final String newest;

  private Peppers(Map<String, byte[]> keys) {
    if (keys.isEmpty()) {
      throw new PepperException("a pepper needs at least one key");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    keys.forEach(
        (id, key) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new PepperException(
                "a pepper key id is 1 to 32 letters, digits, _ or -, not '" + id + "'");
          }
          if (key.length < MIN_KEY_BYTES) {
            throw new PepperException(
                "pepper key "
                    + id
                    + " is too short: it needs at least "
                    + MIN_KEY_BYTES
                    + " bytes");
          }
          copy.put(id, key.clone());
        });
    this.keys = Collections.unmodifiableMap(copy);
    this.newest = new ArrayList<>(copy.keySet()).get(copy.size() - 1);
  }

  /** One key with the given id. */
  public static Peppers of(String keyId, byte[] key) {
    return new Peppers(Map.of(keyId, key));
  }

  /** A new random {@value #GENERATED_KEY_BYTES}-byte key {@code k1}. */
  public static Peppers generate(SecureRandom random) {
    byte[] key = new byte[GENERATED_KEY_BYTES];
    random.nextBytes(key);
    return of(DEFAULT_KEY_ID, key);
  }

  /** These keys plus {@code key}, which becomes the newest. */
  public Peppers withNewest(String keyId, byte[] key) {
    if (keys.containsKey(keyId)) {
      throw new PepperException("pepper key id " + keyId + " is used already");
    }
    Map<String, byte[]> more = new LinkedHashMap<>(keys);
    more.put(keyId, key);
    return new Peppers(more);
  }

  /**
   * Reads the text format described on this class; {@code source} names where it came from (a
   * variable or a file) in error messages.
   */
  public static Peppers parse(String text, String source) {
    List<String> entries = new ArrayList<>();
    for (String line : text.split("[,\\r\\n]")) {
      String entry = line.strip();
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        entries.add(entry);
      }
    }
    if (entries.isEmpty()) {
      throw new PepperException(source + " holds no pepper key");
    }
    Map<String, byte[]> keys = new LinkedHashMap<>();
    if (entries.size() == 1 && entries.get(0).indexOf(':') < 0) {
      keys.put(DEFAULT_KEY_ID, decode(entries.get(0), DEFAULT_KEY_ID, source));
    } else {
      for (String entry : entries) {
        int colon = entry.indexOf(':');
        if (colon <= 0) {
          throw new PepperException(
              source + " must hold one base64 key or entries <keyId>:<base64>");
        }
        String id = entry.substring(0, colon).strip();
        if (keys.containsKey(id)) {
          throw new PepperException(source + " names pepper key " + id + " twice");
        }
        keys.put(id, decode(entry.substring(colon + 1).strip(), id, source));
      }
    }
    try {
      return new Peppers(keys);
    } catch (PepperException e) {
      throw new PepperException(source + ": " + e.getMessage(), e);
    } finally {
      keys.values().forEach(key -> Arrays.fill(key, (byte) 0));
    }
  }

  private static byte[] decode(String base64, String keyId, String source) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      // the decoder's message may quote the offending character; the key stays out of it
      throw new PepperException(source + ": pepper key " + keyId + " is not valid base64");
    }
  }

  /** Reads a pepper file in the text format. */
  public static Peppers read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new PepperException("pepper file " + file + " does not exist or is not a file");
    }
    try {
      return parse(Files.readString(file, StandardCharsets.US_ASCII), "pepper file " + file);
    } catch (IOException e) {
      throw new PepperException("cannot read pepper file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code file}, or, when it does not exist, writes a new random key {@code k1} there,
   * readable by the owner only (mode 0600 where the file system has POSIX permissions).
   */
  public static Peppers readOrCreate(Path file, SecureRandom random) {
    if (Files.exists(file)) {
      return read(file);
    }
    Peppers generated = generate(random);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      createOwnerOnly(file);
      Files.writeString(
          file,
          "# tokensmith token pepper: keep it secret and backed up; losing it invalidates every"
              + " token\n"
              + generated.text(),
          StandardCharsets.US_ASCII,
          StandardOpenOption.TRUNCATE_EXISTING);
      return generated;
    } catch (FileAlreadyExistsException e) {
      // another process created it first: use theirs
      return read(file);
    } catch (IOException e) {
      throw new PepperException("cannot create pepper file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
    } else {
      Files.createFile(file);
    }
  }

  /** The pepper file in the data directory, used when neither variable is set. */
  public static Path defaultFile(Path dataDirectory) {
    return dataDirectory.resolve("token-pepper");
  }

  /**
   * The pepper configured for this start: the variable's value when given, else the named file
   * (which must exist: a missing file would silently invalidate every token), else the {@link
   * #defaultFile} when it exists; none when it does not, and the caller decides whether a new one
   * may be generated ({@link #readOrCreate}).
   */
  public static Option<Peppers> configured(
      Option<String> pepper, Option<Path> pepperFile, Path dataDirectory) {
    if (pepper.isDefined()) {
      return Option.some(parse(pepper.get(), "TOKENSMITH_TOKEN_PEPPER"));
    }
    if (pepperFile.isDefined()) {
      return Option.some(read(pepperFile.get()));
    }
    Path file = defaultFile(dataDirectory);
    return Files.exists(file) ? Option.some(read(file)) : Option.none();
  }

  /** The id of the key new digests are made with. */
  public String newestKeyId() {
    return newest;
  }

  /** Every key id, oldest first. */
  public List<String> keyIds() {
    return List.copyOf(keys.keySet());
  }

  /** A copy of the key with {@code keyId}, or null when there is none. */
  byte[] key(String keyId) {
    byte[] key = keys.get(keyId);
    return key == null ? null : key.clone();
  }

  /**
   * A value that proves which key {@code keyId} is without revealing it: HMAC-SHA-256 of a fixed
   * label and the key id under the key, encoded {@code hmac-sha256$<base64>}.
   */
  String checkValue(String keyId) {
    byte[] key = keys.get(keyId);
    if (key == null) {
      throw new IllegalArgumentException("no pepper key " + keyId);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] check = mac.doFinal((CHECK_LABEL + keyId).getBytes(StandardCharsets.US_ASCII));
      return "hmac-sha256$" + Base64.getEncoder().encodeToString(check);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available: " + e.getMessage(), e);
    }
  }

  /** The keys in the text format, for writing a pepper file. */
  String text() {
    StringBuilder text = new StringBuilder();
    keys.forEach(
        (id, key) ->
            text.append(id)
                .append(':')
                .append(Base64.getEncoder().encodeToString(key))
                .append('\n'));
    return text.toString();
  }

  @Override
  public String toString() {
    return "Peppers[keys "
        + String.join(", ", keys.keySet())
        + ", newest "
        + newest
        + ", redacted]";
  }
}
