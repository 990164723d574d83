package dev.tokensmith.domain.directory;

import io.vavr.control.Option;
import java.util.List;

/** A class of the directory that iTop clients may query, with its iTop name and attribute codes. */
public enum DirectoryClass {
  PERSON(
      "Person",
      List.of("id", "name", "first_name", "email", "phone", "org_id", "org_name", "friendlyname")),
  ORGANIZATION("Organization", List.of("id", "name", "friendlyname")),
  USER(
      "User",
      List.of("id", "login", "status", "org_id", "contactid", "profile_list", "friendlyname"));

  private final String className;
  private final List<String> attributeCodes;

  DirectoryClass(String className, List<String> attributeCodes) {
    this.className = className;
    this.attributeCodes = attributeCodes;
  }

  /** The iTop class name, such as {@code Person}. */
  public String className() {
    return className;
  }

  /** The iTop attribute codes of this class, in the order iTop lists them; unmodifiable. */
  public List<String> attributeCodes() {
    return attributeCodes;
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
