package dev.tokensmith.adapter.itop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.synchro.AttributeKind;
import dev.tokensmith.domain.synchro.Replica;
import dev.tokensmith.domain.synchro.SynchroAttribute;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroLog;
import dev.tokensmith.domain.synchro.SynchroStatistics;
import io.vavr.control.Option;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SynchroDataSource} and its attribute classes ({@code SynchroAttribute}, {@code
 * SynchroAttExtKey}, {@code SynchroAttLinkSet}), its replicas ({@code SynchroReplica}, read only)
 * and the logs of its runs ({@code SynchroLog}, read only) through {@code rest.php}, as a data
 * collector and its operator use them: {@code core/get} by id, criteria or the OQL it sends, {@code
 * core/create} and {@code core/update} of a data source, {@code core/update} of an attribute.
 */
final class SynchroObjects {
  static final String DATA_SOURCE = "SynchroDataSource";

  static final String REPLICA = "SynchroReplica";

  static final String LOG = "SynchroLog";

  /** The classes served here; a {@code SynchroAttribute} query finds every kind. */
  static final Set<String> CLASSES =
      Set.of(
          DATA_SOURCE,
          REPLICA,
          LOG,
          AttributeKind.PLAIN.code(),
          AttributeKind.EXTERNAL_KEY.code(),
          AttributeKind.LINK_SET.code());

  /**
   * The data source's fields, in the order they are shown: those a client writes, with {@code
   * attribute_list} in iTop's place and {@code friendlyname}.
   */
  static final List<String> SOURCE_FIELDS = shownSourceFields();

  static final List<String> ATTRIBUTE_FIELDS =
      List.of(
          "sync_source_id",
          "sync_source_name",
          "attcode",
          "update",
          "reconcile",
          "update_policy",
          "reconciliation_attcode",
          "finalclass",
          "friendlyname",
          "sync_source_id_friendlyname");

  /** A replica's fields (read only); {@code primary_key} is tokensmith's addition. */
  static final List<String> REPLICA_FIELDS =
      List.of(
          "sync_source_id",
          "primary_key",
          "dest_id",
          "dest_class",
          "status_last_seen",
          "status",
          "status_dest_creator",
          "status_last_error",
          "status_last_warning",
          "friendlyname");

  /** A run's log (read only), as iTop's {@code SynchroLog} names its fields. */
  static final List<String> LOG_FIELDS =
      List.of(
          "sync_source_id",
          "start_date",
          "end_date",
          "status",
          "status_curr_job",
          "status_curr_pos",
          "stats_nb_replica_seen",
          "stats_nb_replica_total",
          "stats_nb_obj_deleted",
          "stats_nb_obj_deleted_errors",
          "stats_nb_obj_obsoleted",
          "stats_nb_obj_obsoleted_errors",
          "stats_nb_obj_created",
          "stats_nb_obj_created_errors",
          "stats_nb_obj_created_warnings",
          "stats_nb_obj_updated",
          "stats_nb_obj_updated_errors",
          "stats_nb_obj_updated_warnings",
          "stats_nb_obj_unchanged_warnings",
          "stats_nb_replica_reconciled_errors",
          "stats_nb_replica_disappeared_no_action",
          "stats_nb_obj_new_updated",
          "stats_nb_obj_new_updated_warnings",
          "stats_nb_obj_new_unchanged",
          "stats_nb_obj_new_unchanged_warnings",
          "last_error",
          "friendlyname");

  private static final DateTimeFormatter ITOP_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final ItopSynchroUseCases useCases;

  private static List<String> shownSourceFields() {
    List<String> shown = new ArrayList<>(SynchroDataSource.FIELDS);
    shown.add(shown.indexOf("user_delete_policy"), "attribute_list");
    shown.add("friendlyname");
    return List.copyOf(shown);
  }

  SynchroObjects(ItopSynchroUseCases useCases) {
    this.useCases = useCases;
  }

  /** Whether {@code data}'s class is one of {@link #CLASSES}. */
  static boolean handles(JsonData data) {
    return data.optional("class").map(JsonData::text).exists(CLASSES::contains);
  }

  RestResult execute(Principal actor, String verb, JsonData data) {
    String className = JsonData.text(data.mandatory("class"));
    if ((className.equals(REPLICA) || className.equals(LOG)) && !verb.equals("core/get")) {
      throw RestFailed.internal(
          verb + " is not available for class " + className + " (read only: core/get)");
    }
    switch (verb) {
      case "core/get":
        return get(actor, className, data);
      case "core/create":
        return create(actor, className, data);
      case "core/update":
        return update(actor, className, data);
      case "core/delete":
        if (className.equals(DATA_SOURCE)) {
          return delete(actor, data);
        }
        throw RestFailed.internal(
            "core/delete is not available for class "
                + className
                + " (attributes go with their data source; delete the SynchroDataSource)");
      default:
        throw RestFailed.internal(
            verb
                + " is not available for class "
                + className
                + " (only core/get, core/create,"
                + " core/update, core/delete)");
    }
  }

  private RestResult get(Principal actor, String className, JsonData data) {
    List<String> shown = outputFields(className, data.optional("output_fields"));
    List<Found> found = find(actor, className, data.mandatory("key"));
    Map<String, ObjectNode> objects = new LinkedHashMap<>();
    for (Found one : found) {
      objects.put(one.objectKey(), object(one, "", shown));
    }
    return RestResult.objects(RestCode.OK, "Found: " + found.size(), objects);
  }

  private RestResult create(Principal actor, String className, JsonData data) {
    data.mandatory("comment");
    if (!className.equals(DATA_SOURCE)) {
      throw RestFailed.internal(
          className
              + ": attributes are created with their data source (one per attribute of its"
              + " class); change them with core/update");
    }
    JsonNode fields = fieldsOf(data);
    List<String> shown = outputFields(className, data.optional("output_fields"));
    SynchroDataSource created =
        RestFailures.orFail(
            useCases.saveDataSource().create(actor, texts(fields), attributeList(fields)));
    Found one = Found.of(created);
    return RestResult.objects(
        RestCode.OK, null, Map.of(one.objectKey(), object(one, "created", shown)));
  }

  private RestResult update(Principal actor, String className, JsonData data) {
    data.mandatory("comment");
    JsonNode key = data.mandatory("key");
    JsonNode fields = fieldsOf(data);
    List<String> shown = outputFields(className, data.optional("output_fields"));
    Found target = one(className, find(actor, className, key), key);
    Found updated;
    if (target.attribute().isEmpty()) {
      updated =
          Found.of(
              RestFailures.orFail(
                  useCases
                      .saveDataSource()
                      .update(actor, target.source().id(), texts(fields), attributeList(fields))));
    } else {
      long attributeId = target.attribute().get().id();
      SynchroDataSource source =
          RestFailures.orFail(
              useCases.saveDataSource().updateAttribute(actor, attributeId, texts(fields)));
      SynchroAttribute attribute =
          source.attributes().stream().filter(a -> a.id() == attributeId).findFirst().get();
      updated = new Found(source, Option.some(attribute));
    }
    return RestResult.objects(
        RestCode.OK, null, Map.of(updated.objectKey(), object(updated, "updated", shown)));
  }

  /**
   * Deletes the data sources {@code key} selects (administrators only), with their attributes,
   * replicas and logs; the objects their replicas created stay, as in iTop.
   */
  private RestResult delete(Principal actor, JsonData data) {
    data.mandatory("comment");
    boolean simulate = JsonData.truthy(data.optional("simulate"));
    List<String> shown = List.of("name", "friendlyname");
    Map<String, ObjectNode> objects = new LinkedHashMap<>();
    JsonNode key = data.mandatory("key");
    List<Long> ids = new ArrayList<>();
    if (key.isIntegralNumber()
        || (key.isTextual() && key.textValue().strip().matches("\\d{1,18}"))) {
      // an id goes to the use case as it is: a non-administrator hears why, whether or not it
      // exists
      ids.add(Long.parseLong(JsonData.text(key).strip()));
    } else {
      find(actor, DATA_SOURCE, key).forEach(found -> ids.add(found.source().id()));
    }
    for (long id : ids) {
      SynchroDataSource deleted =
          RestFailures.orFail(useCases.deleteDataSource().delete(actor, id, simulate));
      Found one = Found.of(deleted);
      objects.put(one.objectKey(), object(one, "", shown));
    }
    return RestResult.objects(
        RestCode.OK, (simulate ? "SIMULATING: " : "") + "Deleted: " + objects.size(), objects);
  }

  private static JsonNode fieldsOf(JsonData data) {
    JsonNode fields = data.mandatory("fields");
    if (!fields.isObject()) {
      throw RestFailed.internal("fields: must be an object of attribute codes and values");
    }
    return fields;
  }

  /** The scalar members of {@code fields} as text ({@code attribute_list} aside). */
  private static Map<String, String> texts(JsonNode fields) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : fields.properties()) {
      if (member.getKey().equals("attribute_list")) {
        continue;
      }
      JsonNode value = member.getValue();
      if (value.isContainerNode()) {
        throw RestFailed.internal(member.getKey() + ": a value must be a text or a number");
      }
      texts.put(member.getKey(), value.isNull() ? "" : JsonData.text(value));
    }
    return texts;
  }

  private static Option<List<Map<String, String>>> attributeList(JsonNode fields) {
    JsonNode list = fields.get("attribute_list");
    if (list == null || list.isNull()) {
      return Option.none();
    }
    if (!list.isArray()) {
      throw RestFailed.internal("attribute_list: must be an array of attribute objects");
    }
    List<Map<String, String>> attributes = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject()) {
        throw RestFailed.internal("attribute_list: must be an array of attribute objects");
      }
      attributes.add(texts(item));
    }
    return Option.some(attributes);
  }

  /** A data source, or one of its attributes, replicas or logs. */
  record Found(
      SynchroDataSource source,
      Option<SynchroAttribute> attribute,
      Option<Replica> replica,
      Option<SynchroLog> log) {
    Found(SynchroDataSource source, Option<SynchroAttribute> attribute) {
      this(source, attribute, Option.none(), Option.none());
    }

    static Found of(SynchroDataSource source) {
      return new Found(source, Option.none());
    }

    String className() {
      if (log.isDefined()) {
        return LOG;
      }
      return replica.isDefined()
          ? REPLICA
          : attribute.map(a -> a.kind().code()).getOrElse(DATA_SOURCE);
    }

    long id() {
      if (log.isDefined()) {
        return log.get().id();
      }
      return replica.isDefined()
          ? replica.get().id()
          : attribute.map(SynchroAttribute::id).getOrElse(source.id());
    }

    String objectKey() {
      return className() + "::" + id();
    }

    /** Every field of the object, rendered as iTop renders it. */
    Map<String, Object> fields() {
      if (log.isDefined()) {
        return logFields(log.get());
      }
      if (replica.isDefined()) {
        return replicaFields(source, replica.get());
      }
      return attribute.isDefined()
          ? attributeFields(source, attribute.get())
          : sourceFields(source);
    }
  }

  static Map<String, Object> sourceFields(SynchroDataSource source) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", source.name());
    fields.put("description", source.description());
    fields.put("status", source.status().code());
    fields.put("user_id", Long.toString(source.userId()));
    fields.put("notify_contact_id", Long.toString(source.notifyContactId()));
    fields.put("scope_class", source.scopeClass().className());
    fields.put("database_table_name", source.databaseTableName());
    fields.put("scope_restriction", source.scopeRestriction());
    fields.put("full_load_periodicity", Long.toString(source.fullLoadPeriodicity()));
    fields.put("reconciliation_policy", source.reconciliationPolicy().code());
    fields.put("action_on_zero", source.actionOnZero().code());
    fields.put("action_on_one", source.actionOnOne().code());
    fields.put("action_on_multiple", source.actionOnMultiple().code());
    fields.put("delete_policy", source.deletePolicy().code());
    fields.put("delete_policy_update", source.deletePolicyUpdate());
    fields.put("delete_policy_retention", Long.toString(source.deletePolicyRetention()));
    List<Map<String, Object>> list = new ArrayList<>();
    for (SynchroAttribute attribute : source.attributes()) {
      Map<String, Object> item = new LinkedHashMap<>(attributeFields(source, attribute));
      item.remove("sync_source_id");
      item.remove("sync_source_name");
      item.remove("sync_source_id_friendlyname");
      list.add(item);
    }
    fields.put("attribute_list", list);
    fields.put("user_delete_policy", source.userDeletePolicy());
    fields.put("url_icon", source.urlIcon());
    fields.put("url_application", source.urlApplication());
    fields.put("friendlyname", source.name());
    return fields;
  }

  static Map<String, Object> replicaFields(SynchroDataSource source, Replica replica) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sync_source_id", Long.toString(source.id()));
    fields.put("primary_key", replica.primaryKey());
    fields.put("dest_id", replica.destination().map(Object::toString).getOrElse("0"));
    fields.put("dest_class", source.scopeClass().className());
    fields.put("status_last_seen", ITOP_DATE_TIME.format(replica.lastSeen()));
    fields.put("status", replica.status().code());
    fields.put("status_dest_creator", replica.destinationCreator() ? "1" : "0");
    fields.put("status_last_error", replica.lastError());
    fields.put("status_last_warning", replica.lastWarning());
    fields.put("friendlyname", Long.toString(replica.id()));
    return fields;
  }

  static Map<String, Object> logFields(SynchroLog log) {
    SynchroStatistics s = log.statistics();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sync_source_id", Long.toString(log.dataSourceId()));
    fields.put("start_date", ITOP_DATE_TIME.format(log.startDate()));
    fields.put("end_date", log.endDate().map(ITOP_DATE_TIME::format).getOrElse(""));
    fields.put("status", log.status().code());
    fields.put("status_curr_job", "0");
    fields.put("status_curr_pos", "0");
    fields.put("stats_nb_replica_seen", Integer.toString(s.replicasSeen()));
    fields.put("stats_nb_replica_total", Integer.toString(s.replicas()));
    fields.put("stats_nb_obj_deleted", Integer.toString(s.deleted()));
    fields.put("stats_nb_obj_deleted_errors", Integer.toString(s.deletionErrors()));
    fields.put("stats_nb_obj_obsoleted", Integer.toString(s.obsoleted()));
    fields.put("stats_nb_obj_obsoleted_errors", Integer.toString(s.obsolescenceErrors()));
    fields.put("stats_nb_obj_created", Integer.toString(s.created()));
    fields.put("stats_nb_obj_created_errors", Integer.toString(s.creationErrors()));
    fields.put("stats_nb_obj_created_warnings", Integer.toString(s.createdWarnings()));
    fields.put("stats_nb_obj_updated", Integer.toString(s.updated()));
    fields.put("stats_nb_obj_updated_errors", Integer.toString(s.updateErrors()));
    fields.put("stats_nb_obj_updated_warnings", Integer.toString(s.updatedWarnings()));
    fields.put("stats_nb_obj_unchanged_warnings", "0");
    fields.put("stats_nb_replica_reconciled_errors", Integer.toString(s.reconciliationErrors()));
    fields.put("stats_nb_replica_disappeared_no_action", Integer.toString(s.disappearedNoAction()));
    fields.put("stats_nb_obj_new_updated", Integer.toString(s.reconciledUpdated()));
    fields.put(
        "stats_nb_obj_new_updated_warnings", Integer.toString(s.reconciledUpdatedWarnings()));
    fields.put("stats_nb_obj_new_unchanged", Integer.toString(s.reconciledUnchanged()));
    fields.put(
        "stats_nb_obj_new_unchanged_warnings", Integer.toString(s.reconciledUnchangedWarnings()));
    fields.put("last_error", log.lastError());
    fields.put("friendlyname", ITOP_DATE_TIME.format(log.startDate()));
    return fields;
  }

  static Map<String, Object> attributeFields(SynchroDataSource source, SynchroAttribute attribute) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sync_source_id", Long.toString(source.id()));
    fields.put("sync_source_name", source.name());
    fields.put("attcode", attribute.attcode());
    fields.put("update", attribute.update() ? "1" : "0");
    fields.put("reconcile", attribute.reconcile() ? "1" : "0");
    fields.put("update_policy", attribute.updatePolicy().code());
    if (attribute.kind() == AttributeKind.EXTERNAL_KEY) {
      fields.put("reconciliation_attcode", attribute.reconciliationAttcode());
    }
    fields.put("finalclass", attribute.kind().code());
    fields.put("friendlyname", attribute.attcode());
    fields.put("sync_source_id_friendlyname", source.name());
    return fields;
  }

  private static ObjectNode object(Found found, String message, List<String> shown) {
    ObjectNode object = ItopJson.NODES.objectNode();
    object.put("code", RestCode.OK.number());
    object.put("message", message);
    object.put("class", found.className());
    object.put("key", Long.toString(found.id()));
    ObjectNode fields = object.putObject("fields");
    Map<String, Object> all = found.fields();
    for (String code : shown) {
      Object value = all.get(code);
      if (value == null) {
        continue;
      }
      fields.set(code, node(value));
    }
    return object;
  }

  @SuppressWarnings("unchecked")
  private static JsonNode node(Object value) {
    if (value instanceof List<?> list) {
      ArrayNode array = ItopJson.NODES.arrayNode();
      for (Object item : list) {
        array.add(node(item));
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = ItopJson.NODES.objectNode();
      ((Map<String, Object>) map).forEach((k, v) -> object.set(k, node(v)));
      return object;
    }
    return ItopJson.NODES.textNode((String) value);
  }

  private static List<String> outputFields(String className, Option<JsonNode> outputFields) {
    List<String> all = fieldsOf(className);
    if (outputFields.isEmpty()) {
      return all;
    }
    String spec = JsonData.text(outputFields.get());
    if (spec.equals("*") || spec.equals("*+")) {
      return all;
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String listed : spec.split(",", -1)) {
      String code = listed.strip();
      if (!all.contains(code)) {
        throw RestFailed.internal("output_fields: invalid attribute code '" + code + "'");
      }
      codes.add(code);
    }
    return List.copyOf(codes);
  }

  /** Every object of {@code className} the actor may see that {@code key} selects. */
  private List<Found> find(Principal actor, String className, JsonNode key) {
    List<Found> candidates = new ArrayList<>();
    for (SynchroDataSource source :
        RestFailures.orFail(useCases.findDataSources().dataSources(actor))) {
      if (className.equals(DATA_SOURCE)) {
        candidates.add(Found.of(source));
        continue;
      }
      if (className.equals(REPLICA)) {
        for (Replica replica :
            RestFailures.orFail(useCases.findDataSources().replicas(actor, source.id()))) {
          candidates.add(new Found(source, Option.none(), Option.some(replica), Option.none()));
        }
        continue;
      }
      if (className.equals(LOG)) {
        for (SynchroLog log :
            RestFailures.orFail(useCases.findDataSources().logs(actor, source.id()))) {
          candidates.add(new Found(source, Option.none(), Option.none(), Option.some(log)));
        }
        continue;
      }
      for (SynchroAttribute attribute : source.attributes()) {
        if (className.equals(AttributeKind.PLAIN.code())
            || attribute.kind().code().equals(className)) {
          candidates.add(new Found(source, Option.some(attribute)));
        }
      }
    }
    Condition condition = condition(className, key);
    return candidates.stream().filter(condition::matches).toList();
  }

  /** The one object {@code key} selects; code 100 with iTop's message when none or several. */
  private static Found one(String className, List<Found> found, JsonNode key) {
    String described;
    if (key.isObject()) {
      List<String> report = new ArrayList<>();
      for (Map.Entry<String, JsonNode> member : key.properties()) {
        String value = JsonData.text(member.getValue());
        report.add(member.getKey() + ": " + value + " (" + value + ")");
      }
      described = "with criteria: " + String.join(", ", report);
    } else if (key.isTextual() && !key.textValue().strip().matches("\\d+")) {
      described = "for query: " + key.textValue();
    } else {
      if (found.isEmpty()) {
        throw RestFailed.internal(
            "Invalid object " + className + "::" + JsonData.text(key).strip());
      }
      return found.get(0);
    }
    if (found.isEmpty()) {
      throw RestFailed.internal("No item found " + described);
    }
    if (found.size() > 1) {
      throw RestFailed.internal("Several items found (" + found.size() + ") " + described);
    }
    return found.get(0);
  }

  /** A test of an object's rendered fields: every (field, allowed values) pair must hold. */
  record Condition(Map<String, List<String>> allowed) {
    boolean matches(Found found) {
      Map<String, Object> fields = new LinkedHashMap<>(found.fields());
      fields.put("id", Long.toString(found.id()));
      for (Map.Entry<String, List<String>> test : allowed.entrySet()) {
        Object value = fields.get(test.getKey());
        if (!(value instanceof String text)
            || test.getValue().stream().noneMatch(candidate -> equal(text, candidate))) {
          return false;
        }
      }
      return true;
    }

    private static boolean equal(String value, String candidate) {
      Option<Long> number = DirectoryText.integer(candidate);
      Option<Long> actual = DirectoryText.integer(value);
      if (number.isDefined() && actual.isDefined()) {
        return number.get().equals(actual.get());
      }
      return DirectoryText.compare(value, candidate) == 0;
    }
  }

  private static final Pattern OQL =
      Pattern.compile("(?is)\\s*SELECT\\s+(\\w+)(?:\\s+(?:AS\\s+)?\\w+)?(?:\\s+WHERE\\s+(.*))?");

  private static final Pattern TEST =
      Pattern.compile(
          "(?is)\\s*(?:\\w+\\.)?(\\w+)\\s*(?:(=)\\s*('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+)"
              + "|IN\\s*\\(([^)]*)\\))\\s*");

  private static final Pattern LITERAL =
      Pattern.compile("\\s*('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+)\\s*(,|$)");

  /** The condition {@code key} spells: an id, an object of criteria or an OQL query. */
  private static Condition condition(String className, JsonNode key) {
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    if (key.isIntegralNumber() || (key.isTextual() && key.textValue().strip().matches("\\d+"))) {
      allowed.put("id", List.of(JsonData.text(key).strip()));
      return new Condition(allowed);
    }
    if (key.isObject()) {
      Set<String> known = fieldNames(className);
      for (Map.Entry<String, JsonNode> member : key.properties()) {
        if (!known.contains(member.getKey())) {
          throw RestFailed.internal(member.getKey() + ": Unknown attribute");
        }
        if (member.getValue().isContainerNode()) {
          throw RestFailed.internal(member.getKey() + ": a criterion is a text or a number");
        }
        allowed.put(member.getKey(), List.of(JsonData.text(member.getValue())));
      }
      return new Condition(allowed);
    }
    if (!key.isTextual()) {
      throw RestFailed.internal("key: an id, an object of criteria or an OQL query is expected");
    }
    String oql = key.textValue();
    Matcher query = OQL.matcher(oql);
    if (!query.matches() || !query.group(1).equals(className)) {
      throw RestFailed.internal(
          "Query failed to execute: query = "
              + oql
              + ", tokensmith reads SELECT "
              + className
              + " [WHERE field = value AND field IN (…)] for this class");
    }
    if (query.group(2) == null) {
      return new Condition(allowed);
    }
    Set<String> known = fieldNames(className);
    for (String part : query.group(2).split("(?i)\\s+AND\\s+")) {
      Matcher test = TEST.matcher(part);
      if (!test.matches()) {
        throw RestFailed.internal(
            "Query failed to execute: query = "
                + oql
                + ", cannot read '"
                + part.strip()
                + "' (tokensmith reads field = value and field IN (…) joined by AND for this"
                + " class)");
      }
      String field = test.group(1);
      if (!known.contains(field)) {
        throw RestFailed.internal(
            "Query failed to execute: query = " + oql + ", Unknown attribute " + field);
      }
      List<String> values = new ArrayList<>();
      if (test.group(2) != null) {
        values.add(literal(test.group(3)));
      } else {
        Matcher literal = LITERAL.matcher(test.group(4));
        while (literal.lookingAt()) {
          values.add(literal(literal.group(1)));
          if (literal.end() >= test.group(4).length()) {
            break;
          }
          literal.region(literal.end(), test.group(4).length());
        }
      }
      allowed.merge(field, values, (a, b) -> a.stream().filter(b::contains).toList());
    }
    return new Condition(allowed);
  }

  private static String literal(String literal) {
    if (literal.startsWith("'") || literal.startsWith("\"")) {
      return literal.substring(1, literal.length() - 1).replaceAll("\\\\(.)", "$1");
    }
    return literal;
  }

  private static List<String> fieldsOf(String className) {
    if (className.equals(DATA_SOURCE)) {
      return SOURCE_FIELDS;
    }
    if (className.equals(LOG)) {
      return LOG_FIELDS;
    }
    return className.equals(REPLICA) ? REPLICA_FIELDS : ATTRIBUTE_FIELDS;
  }

  private static Set<String> fieldNames(String className) {
    Set<String> names = new LinkedHashSet<>(fieldsOf(className));
    names.add("id");
    names.remove("attribute_list");
    return names;
  }
}
