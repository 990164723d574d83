package dev.tokensmith.domain.directory;

import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One directory object as iTop renders it: every attribute of its class, in the class's attribute
 * order, each value a string exactly as iTop prints it ({@code "id":"6"}, {@code "phone":""} when
 * there is none). The factories are the one place that decides those strings.
 */
public record DirectoryRecord(DirectoryClass directoryClass, long id, Map<String, String> fields) {
  /** How {@code profile_list} separates profile names. */
  public static final String PROFILE_SEPARATOR = ", ";

  public DirectoryRecord {
    Objects.requireNonNull(directoryClass, "directoryClass");
    Objects.requireNonNull(fields, "fields");
    if (id <= 0) {
      throw new IllegalArgumentException("an object id is positive");
    }
    if (fields.size() != directoryClass.attributeCodes().size()) {
      throw new IllegalArgumentException(
          "a " + directoryClass.className() + " has exactly " + directoryClass.attributeCodes());
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String code : directoryClass.attributeCodes()) {
      String value = fields.get(code);
      if (value == null) {
        throw new IllegalArgumentException(
            "a " + directoryClass.className() + " needs a value for " + code);
      }
      ordered.put(code, value);
    }
    if (!ordered.get("id").equals(Long.toString(id))) {
      throw new IllegalArgumentException("the id field must be the id " + id);
    }
    fields = Collections.unmodifiableMap(ordered);
  }

  /** The value of attribute {@code code}; throws for a code its class does not have. */
  public String field(String code) {
    String value = fields.get(code);
    if (value == null) {
      throw new IllegalArgumentException(ObjectQuery.unknownAttributeMessage(code));
    }
    return value;
  }

  /** The name people read ({@code friendlyname}). */
  public String friendlyName() {
    return fields.get("friendlyname");
  }

  /** The object as iTop names it in a response, such as {@code Person::6}. */
  public String objectKey() {
    return directoryClass.className() + "::" + id;
  }

  /** The status of a person or an organization that nothing made inactive. */
  public static final String ACTIVE = "active";

  /** The status the collectors' delete policy "update" writes. */
  public static final String INACTIVE = "inactive";

  /** Whether {@code status} is one a person or an organization may have. */
  public static boolean isContactStatus(String status) {
    return ACTIVE.equals(status) || INACTIVE.equals(status);
  }

  /** An active organization: its id, name, and friendly name (the name). */
  public static DirectoryRecord organization(long id, String name) {
    return organization(id, name, ACTIVE);
  }

  /** An organization: its id, name, status and friendly name (the name). */
  public static DirectoryRecord organization(long id, String name, String status) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", Long.toString(id));
    fields.put("name", name);
    fields.put("status", status);
    fields.put("friendlyname", name);
    return new DirectoryRecord(DirectoryClass.ORGANIZATION, id, fields);
  }

  /**
   * An active person, as {@link #person(long, String, String, String, Option, String, long,
   * String)}.
   */
  public static DirectoryRecord person(
      long id,
      String firstName,
      String name,
      String email,
      Option<String> phone,
      long organizationId,
      String organizationName) {
    return person(id, firstName, name, email, phone, ACTIVE, organizationId, organizationName);
  }

  /** A person; the friendly name is {@code first_name name}, an absent phone is {@code ""}. */
  public static DirectoryRecord person(
      long id,
      String firstName,
      String name,
      String email,
      Option<String> phone,
      String status,
      long organizationId,
      String organizationName) {
    if (!isContactStatus(status)) {
      throw new IllegalArgumentException("a person's status is active or inactive");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", Long.toString(id));
    fields.put("name", name);
    fields.put("first_name", firstName);
    fields.put("email", email);
    fields.put("phone", phone.getOrElse(""));
    fields.put("status", status);
    fields.put("org_id", Long.toString(organizationId));
    fields.put("org_name", organizationName);
    fields.put("friendlyname", firstName + " " + name);
    return new DirectoryRecord(DirectoryClass.PERSON, id, fields);
  }

  /**
   * A user; {@code profile_list} is the profile names in code-point order joined with {@code ", "},
   * the friendly name is the login.
   */
  public static DirectoryRecord user(
      long id,
      String login,
      Status status,
      long organizationId,
      long contactId,
      Collection<Profile> profiles) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", Long.toString(id));
    fields.put("login", login);
    fields.put("status", status.code());
    fields.put("org_id", Long.toString(organizationId));
    fields.put("contactid", Long.toString(contactId));
    fields.put(
        "profile_list",
        profiles.stream()
            .map(Profile::name)
            .sorted(DirectoryText::compare)
            .collect(Collectors.joining(PROFILE_SEPARATOR)));
    fields.put("friendlyname", login);
    return new DirectoryRecord(DirectoryClass.USER, id, fields);
  }

  public static DirectoryRecord of(Organization organization) {
    return organization(organization.id().value(), organization.name());
  }

  public static DirectoryRecord of(Person person) {
    return person(
        person.id().value(),
        person.firstName(),
        person.name(),
        person.email(),
        person.phone(),
        person.organization().id().value(),
        person.organization().name());
  }

  public static DirectoryRecord of(User user) {
    return user(
        user.id().value(),
        user.login(),
        user.status(),
        user.organization().id().value(),
        user.contact().id().value(),
        user.profiles());
  }
}
