package dev.tokensmith.bootstrap;

import dev.tokensmith.adapter.persistence.PepperChecks;
import dev.tokensmith.adapter.persistence.PepperMismatch;
import dev.tokensmith.adapter.persistence.Peppers;
import dev.tokensmith.application.port.out.StorageFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * The token pepper of this start, proven against the check values in the database on every start: a
 * configured pepper must hold every key the tokens need, each the key recorded for its id; a new
 * pepper is generated only for an empty database and only into the data directory's pepper file.
 */
final class PepperStart {
  private PepperStart() {}

  /** The verified pepper, or a {@link StartupFailure} naming the key id and what to do. */
  static Peppers load(Configuration config, PepperChecks checks, PrintStream out) {
    try {
      return verify(config, checks, out);
    } catch (StorageFailure e) {
      throw new StartupFailure(
          "cannot check the token pepper against the database: " + e.getMessage(), e);
    }
  }

  private static Peppers verify(Configuration config, PepperChecks checks, PrintStream out) {
    Path defaultFile = Peppers.defaultFile(config.dataDir());
    String source = source(config);
    boolean generated = false;
    Peppers peppers;
    Option<Peppers> configured =
        Peppers.configured(config.tokenPepper(), config.tokenPepperFile(), config.dataDir());
    if (configured.isDefined()) {
      peppers = configured.get();
    } else if (checks.databaseIsEmpty()) {
      peppers = Peppers.readOrCreate(defaultFile, new SecureRandom());
      generated = true;
    } else {
      throw new StartupFailure(missingFile(defaultFile, checks.recordedKeyIds()));
    }
    Either<PepperMismatch, PepperChecks.Verified> verified = checks.verify(peppers);
    if (verified.isLeft()) {
      if (generated) {
        // made in this start for what looked like an empty database, which another instance
        // filled at the same moment: the file must not stay to shadow that instance's pepper
        deleteQuietly(defaultFile);
      }
      throw new StartupFailure(sentence(verified.getLeft(), source));
    }
    if (generated) {
      out.println(
          "First start: generated the token pepper (key "
              + peppers.newestKeyId()
              + ") in "
              + defaultFile
              + " for this empty database; back it up with the database: without it no token"
              + " works.");
    } else {
      verified
          .get()
          .recorded()
          .forEach(
              keyId ->
                  out.println(
                      "Recorded the check value of pepper key " + keyId + " in the database."));
    }
    verified
        .get()
        .retired()
        .forEach(
            keyId ->
                out.println(
                    "Pepper key "
                        + keyId
                        + " is no longer configured; no token needs it any more."));
    return peppers;
  }

  /** Where the pepper of this start comes from, in words for messages. */
  static String source(Configuration config) {
    if (config.tokenPepper().isDefined()) {
      return "TOKENSMITH_TOKEN_PEPPER";
    }
    return "the pepper file "
        + config.tokenPepperFile().getOrElse(() -> Peppers.defaultFile(config.dataDir()));
  }

  /** One sentence for each kind of mismatch, naming the key id, never the key. */
  static String sentence(PepperMismatch mismatch, String source) {
    return mismatch.sentence(source);
  }

  private static String missingFile(Path file, List<String> recordedKeyIds) {
    return "the token pepper file "
        + file
        + " does not exist, but this database is not empty ("
        + (recordedKeyIds.isEmpty()
            ? "it holds tokens"
            : "it records pepper "
                + (recordedKeyIds.size() == 1 ? "key " : "keys ")
                + String.join(", ", recordedKeyIds))
        + "): copy the pepper file of this installation to "
        + file
        + " (or set TOKENSMITH_TOKEN_PEPPER or TOKENSMITH_TOKEN_PEPPER_FILE) and start again; no new"
        + " pepper was generated, since no existing token would work with it";
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the refusal that follows says what to do; a file left behind is caught by the next start
    }
  }
}
