package dev.tokensmith.domain.token;

/** A context in which a token may authenticate, named by a stable lower-case name. */
public record Scope(String name) {
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

  /**
   * Reads {@code /metrics} when the installation protects it; known only to installations that do.
   */
  public static final Scope METRICS = new Scope("metrics");

  public Scope {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "a scope name is 1 to 64 lower-case letters, digits or _ . : - starting with a letter");
    }
  }

  /**
   * 1 to 64 of {@code [a-z0-9_.:-]}, starting with a letter (checked without a regex: every token
   * read builds its scopes).
   */
  public static boolean isValidName(String name) {
    if (name == null || name.isEmpty() || name.length() > 64 || !isLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '.' && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  @Override
  public String toString() {
    return name;
  }
}
