package dev.tokensmith.adapter.itop.oql;

import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.ObjectQuery;

/**
 * Why a string is not an OQL query tokensmith can run: malformed text, an unknown class or an
 * unknown attribute. {@link #position()} is the zero-based index of the offending character in the
 * query (its length when the query ends too early); {@link #message()} is a sentence without the
 * position, in iTop's words where iTop has some.
 */
public sealed interface OqlSyntaxError {
  int position();

  String message();

  /** The text is not in the supported OQL subset. */
  record Malformed(int position, String message) implements OqlSyntaxError {}

  /** The query selects a class tokensmith does not expose (class names are case-sensitive). */
  record UnknownClass(int position, String className) implements OqlSyntaxError {
    @Override
    public String message() {
      return "class: '" + className + "' is not a valid class'";
    }
  }

  /**
   * A condition reads an attribute its class does not have (attribute codes are case-sensitive).
   */
  record UnknownAttribute(int position, DirectoryClass directoryClass, String attribute)
      implements OqlSyntaxError {
    @Override
    public String message() {
      return ObjectQuery.unknownAttributeMessage(attribute);
    }
  }
}
