package dev.tokensmith.domain.token;

import java.util.regex.Pattern;

/** A context in which a token may authenticate, named by a stable lower-case name. */
public record Scope(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");

  /** {@code /webservices/rest.php} and {@code /api/v1/**} (iTop {@code REST/JSON}). */
  public static final Scope REST = new Scope("rest");

  /** Data-synchronisation endpoints for collectors (iTop {@code Synchro}). */
  public static final Scope SYNCHRO = new Scope("synchro");

  /** Bulk import endpoints (iTop {@code Import}). */
  public static final Scope IMPORT = new Scope("import");

  /** Bulk export endpoints (iTop {@code Export}). */
  public static final Scope EXPORT = new Scope("export");

  /** Token introspection by other services. */
  public static final Scope INTROSPECT = new Scope("introspect");

  public Scope {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a scope name is 1 to 64 lower-case letters, digits or _ . : - starting with a letter");
    }
  }

  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  @Override
  public String toString() {
    return name;
  }
}
