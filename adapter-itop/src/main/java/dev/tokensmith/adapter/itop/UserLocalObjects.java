package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.application.port.in.FindDirectoryObjectsUseCase;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Option;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users as iTop answers a {@code core/get User}: objects of the concrete class {@code UserLocal}
 * ({@code UserLocal::1}) with the fields iTop shows, the contact's name and email among them and
 * {@code profile_list} an array of link objects. Each answer reads the users' contacts and
 * organizations in one query each.
 */
final class UserLocalObjects {
  /** iTop's concrete class of the users tokensmith has (local logins). */
  static final String USER_LOCAL = "UserLocal";

  /** The fields iTop shows of a {@code UserLocal}, in its order; {@code id} is the key. */
  static final List<String> FIELDS =
      List.of(
          "contactid",
          "last_name",
          "first_name",
          "email",
          "org_id",
          "login",
          "language",
          "status",
          "profile_list",
          "allowed_org_list",
          "finalclass",
          "friendlyname",
          "contactid_friendlyname",
          "org_id_friendlyname");

  /** The language every user has here (tokensmith has no per-user language). */
  static final String LANGUAGE = "EN US";

  /** iTop's ids of its standard profiles; tokensmith's own profiles have none ({@code 0}). */
  private static final Map<String, String> PROFILE_IDS =
      Map.of(Profile.ADMINISTRATOR.name(), "1", Profile.REST_SERVICES_USER.name(), "1024");

  private final FindDirectoryObjectsUseCase find;

  UserLocalObjects(FindDirectoryObjectsUseCase find) {
    this.find = find;
  }

  /**
   * The fields {@code outputFields} asks for: all of {@link #FIELDS} for none, {@code *} or {@code
   * *+}, else the listed ones ({@code id} allowed); code 100 for another code.
   */
  static List<String> fields(Option<JsonNode> outputFields) {
    if (outputFields.isEmpty()) {
      return FIELDS;
    }
    String spec = JsonData.text(outputFields.get());
    if (spec.equals("*") || spec.equals("*+")) {
      return FIELDS;
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String listed : spec.split(",", -1)) {
      String code = listed.strip();
      if (!code.equals("id") && !FIELDS.contains(code)) {
        throw RestFailed.internal("output_fields: invalid attribute code '" + code + "'");
      }
      codes.add(code);
    }
    return List.copyOf(codes);
  }

  /** The objects of an answer about {@code users}, keyed {@code UserLocal::<id>}. */
  Map<String, ObjectNode> objects(
      Principal actor, List<DirectoryRecord> users, List<String> fields) {
    Map<Long, DirectoryRecord> contacts =
        byId(actor, DirectoryClass.PERSON, users, user -> user.field("contactid"));
    Map<Long, DirectoryRecord> organizations =
        byId(actor, DirectoryClass.ORGANIZATION, users, user -> user.field("org_id"));
    Map<String, ObjectNode> objects = new LinkedHashMap<>();
    for (DirectoryRecord user : users) {
      ObjectNode object = ItopJson.NODES.objectNode();
      object.put("code", RestCode.OK.number());
      object.put("message", "");
      object.put("class", USER_LOCAL);
      object.put("key", Long.toString(user.id()));
      ObjectNode shown = object.putObject("fields");
      Option<DirectoryRecord> contact =
          Option.of(contacts.get(Long.parseLong(user.field("contactid"))));
      Option<DirectoryRecord> organization =
          Option.of(organizations.get(Long.parseLong(user.field("org_id"))));
      for (String code : fields) {
        put(shown, code, user, contact, organization);
      }
      objects.put(USER_LOCAL + "::" + user.id(), object);
    }
    return objects;
  }

  private static void put(
      ObjectNode shown,
      String code,
      DirectoryRecord user,
      Option<DirectoryRecord> contact,
      Option<DirectoryRecord> organization) {
    switch (code) {
      case "last_name" -> shown.put(code, contact.map(c -> c.field("name")).getOrElse(""));
      case "first_name" -> shown.put(code, contact.map(c -> c.field("first_name")).getOrElse(""));
      case "email" -> shown.put(code, contact.map(c -> c.field("email")).getOrElse(""));
      case "contactid_friendlyname" ->
          shown.put(code, contact.map(DirectoryRecord::friendlyName).getOrElse(""));
      case "org_id_friendlyname" ->
          shown.put(code, organization.map(DirectoryRecord::friendlyName).getOrElse(""));
      case "language" -> shown.put(code, LANGUAGE);
      case "finalclass" -> shown.put(code, USER_LOCAL);
      case "allowed_org_list" -> shown.putArray(code);
      case "profile_list" -> shown.set(code, profiles(user));
      default -> shown.put(code, user.field(code));
    }
  }

  /** {@code profile_list} as iTop gives it: one link object per profile. */
  private static ArrayNode profiles(DirectoryRecord user) {
    ArrayNode links = ItopJson.NODES.arrayNode();
    String list = user.field("profile_list");
    if (list.isEmpty()) {
      return links;
    }
    String login = user.field("login");
    for (String profile : list.split(DirectoryRecord.PROFILE_SEPARATOR, -1)) {
      ObjectNode link = links.addObject();
      link.put("profileid", PROFILE_IDS.getOrDefault(profile, "0"));
      link.put("profile", profile);
      link.put("reason", "");
      link.put("friendlyname", "Link between " + login + " and " + profile);
      link.put("profileid_friendlyname", profile);
    }
    return links;
  }

  /** The objects of {@code directoryClass} the users point at through {@code key}, by id. */
  private Map<Long, DirectoryRecord> byId(
      Principal actor,
      DirectoryClass directoryClass,
      List<DirectoryRecord> users,
      java.util.function.Function<DirectoryRecord, String> key) {
    Set<Long> ids = new LinkedHashSet<>();
    for (DirectoryRecord user : users) {
      ids.add(Long.parseLong(key.apply(user)));
    }
    Map<Long, DirectoryRecord> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<Literal> values = ids.stream().map(Literal::of).toList();
    ObjectQuery query = new ObjectQuery(directoryClass, new Criteria.In("id", values, false));
    for (DirectoryRecord record :
        RestFailures.orFail(find.find(actor, query, Integer.MAX_VALUE, 0))) {
      found.put(record.id(), record);
    }
    return found;
  }
}
