package dev.tokensmith.domain.directory;

import io.vavr.control.Option;
import java.util.List;
import java.util.Set;

/** A class of the directory that iTop clients may query, with its iTop name and attribute codes. */
public enum DirectoryClass {
  PERSON(
      "Person",
      List.of(
          "id",
          "name",
          "first_name",
          "email",
          "phone",
          "status",
          "org_id",
          "org_name",
          "friendlyname"),
      List.of("first_name", "name", "email", "phone", "status", "org_id")),
  ORGANIZATION(
      "Organization", List.of("id", "name", "status", "friendlyname"), List.of("name", "status")),
  USER(
      "User",
      List.of("id", "login", "status", "org_id", "contactid", "profile_list", "friendlyname"),
      List.of());

  /** The attributes whose values are integers (ids and external keys); all others are text. */
  private static final Set<String> NUMERIC = Set.of("id", "org_id", "contactid");

  private final String className;
  private final List<String> attributeCodes;
  private final List<String> writableAttributeCodes;

  DirectoryClass(
      String className, List<String> attributeCodes, List<String> writableAttributeCodes) {
    this.className = className;
    this.attributeCodes = attributeCodes;
    this.writableAttributeCodes = writableAttributeCodes;
  }

  /** The iTop class name, such as {@code Person}. */
  public String className() {
    return className;
  }

  /** The iTop attribute codes of this class, in the order iTop lists them; unmodifiable. */
  public List<String> attributeCodes() {
    return attributeCodes;
  }

  /**
   * The attribute codes clients may write, in the order iTop lists them; empty for a read-only
   * class such as {@code User}. The others are the id and attributes derived from other objects.
   */
  public List<String> writableAttributeCodes() {
    return writableAttributeCodes;
  }

  /** Whether objects of this class can be created, updated and deleted through the directory. */
  public boolean isWritable() {
    return !writableAttributeCodes.isEmpty();
  }

  /**
   * Whether {@code code} is an attribute of this class whose values are integers (the id and the
   * external keys {@code org_id}, {@code contactid}); every other attribute holds text.
   */
  public boolean isNumeric(String code) {
    return hasAttribute(code) && NUMERIC.contains(code);
  }

  /** Whether {@code code} is an attribute code of this class (case-sensitive, as in iTop). */
  public boolean hasAttribute(String code) {
    return attributeCodes.contains(code);
  }

  /** The class whose iTop name is exactly {@code className} (case-sensitive, as in iTop). */
  public static Option<DirectoryClass> byClassName(String className) {
    for (DirectoryClass directoryClass : values()) {
      if (directoryClass.className.equals(className)) {
        return Option.some(directoryClass);
      }
    }
    return Option.none();
  }
}
