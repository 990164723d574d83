package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.directory.DirectoryClass;
import java.util.Objects;

/** A write refused because another object already has a value that must be unique. */
public record DirectoryConflict(DirectoryClass directoryClass, String attribute, String value) {
  public DirectoryConflict {
    Objects.requireNonNull(directoryClass, "directoryClass");
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
  }

  /** A sentence such as {@code An Organization with name 'Demo' exists already.} */
  public String message() {
    return "An "
        + directoryClass.className()
        + " with "
        + attribute
        + " '"
        + value
        + "' exists already.";
  }
}
