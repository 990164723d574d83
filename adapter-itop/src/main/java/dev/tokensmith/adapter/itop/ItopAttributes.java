package dev.tokensmith.adapter.itop;

import dev.tokensmith.domain.directory.DirectoryClass;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of the directory classes as iTop's bulk formats name them: English labels (iTop's
 * {@code en} dictionary), the external keys with the class they point at, which attributes print
 * unquoted in CSV (ids and external keys) and the enumeration labels.
 */
final class ItopAttributes {
  private ItopAttributes() {}

  /** {@code id}'s label in CSV headers (dictionary entry {@code UI:CSVImport:idField}). */
  static final String ID_LABEL = "id (Primary Key)";

  private static final Map<DirectoryClass, Map<String, String>> LABELS =
      Map.of(
          DirectoryClass.PERSON,
          labels(
              "id", ID_LABEL,
              "name", "Last Name",
              "first_name", "First Name",
              "email", "Email",
              "phone", "Phone",
              "status", "Status",
              "org_id", "Organization",
              "org_name", "Organization name",
              "friendlyname", "Full name"),
          DirectoryClass.ORGANIZATION,
          labels("id", ID_LABEL, "name", "Name", "status", "Status", "friendlyname", "Full name"),
          DirectoryClass.USER,
          labels(
              "id", ID_LABEL,
              "login", "Login",
              "status", "Status",
              "org_id", "Organization",
              "contactid", "Contact (person)",
              "profile_list", "Profiles",
              "friendlyname", "Full name"));

  /** External keys: the class each points at. */
  static final Map<String, DirectoryClass> EXTERNAL_KEYS =
      Map.of("org_id", DirectoryClass.ORGANIZATION, "contactid", DirectoryClass.PERSON);

  /**
   * The external fields of each class: an attribute that shows an attribute of the object an
   * external key points at ({@code org_name} is {@code org_id->name}).
   */
  static final Map<DirectoryClass, Map<String, String[]>> EXTERNAL_FIELDS =
      Map.of(
          DirectoryClass.PERSON,
          Map.of("org_name", new String[] {"org_id", "name"}),
          DirectoryClass.ORGANIZATION,
          Map.of(),
          DirectoryClass.USER,
          Map.of());

  /** Attributes whose CSV cell is a bare number. */
  private static final Set<String> UNQUOTED = Set.of("id", "org_id", "contactid");

  /** The English label of an attribute of the class, if it has it. */
  static Option<String> label(DirectoryClass directoryClass, String code) {
    return Option.of(LABELS.get(directoryClass).get(code));
  }

  static boolean unquoted(String code) {
    return UNQUOTED.contains(code);
  }

  /**
   * An enumeration value as iTop shows it localized ({@code enabled} is {@code Enabled}, {@code
   * inactive} is {@code Inactive}).
   */
  static String localizedValue(DirectoryClass directoryClass, String code, String value) {
    if (code.equals("status") && !value.isEmpty()) {
      return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
    return value;
  }

  /** The attribute codes of the class in iTop's order, {@code id} first. */
  static List<String> codes(DirectoryClass directoryClass) {
    return directoryClass.attributeCodes();
  }

  private static Map<String, String> labels(String... codesAndLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < codesAndLabels.length; i += 2) {
      labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
    }
    return labels;
  }
}
