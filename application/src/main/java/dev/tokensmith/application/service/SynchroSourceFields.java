package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.input.StorableText;
import dev.tokensmith.domain.synchro.ActionOnMultiple;
import dev.tokensmith.domain.synchro.ActionOnOne;
import dev.tokensmith.domain.synchro.ActionOnZero;
import dev.tokensmith.domain.synchro.AttributeKind;
import dev.tokensmith.domain.synchro.DataSourceStatus;
import dev.tokensmith.domain.synchro.DeletePolicy;
import dev.tokensmith.domain.synchro.ReconciliationPolicy;
import dev.tokensmith.domain.synchro.SynchroAttribute;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.UpdatePolicy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads iTop's text fields of a {@code SynchroDataSource} and of its attributes onto a data source:
 * each value checked and turned into its domain type, the read-only fields a client sends back
 * ignored, any other field refused by name.
 */
final class SynchroSourceFields {
  private SynchroSourceFields() {}

  /** The fields a client may send back as it read them; they are not stored. */
  static final Set<String> READ_ONLY =
      Set.of(
          "friendlyname",
          "user_id_friendlyname",
          "user_id_finalclass_recall",
          "notify_contact_id_friendlyname",
          "notify_contact_id_finalclass_recall",
          "notify_contact_id_obsolescence_flag",
          "notify_contact_id_archive_flag",
          "sync_source_id",
          "sync_source_name",
          "sync_source_id_friendlyname",
          "finalclass",
          "import_columns");

  /** A data source of {@code scope_class} with iTop's defaults, before its fields are applied. */
  static Either<UseCaseFailure, SynchroDataSource> fresh(Map<String, String> fields) {
    String scope = fields.get("scope_class");
    if (scope == null) {
      return Either.left(new InvalidInput("scope_class", "scope_class: a value is required"));
    }
    Option<DirectoryClass> scopeClass = DirectoryClass.byClassName(scope.strip());
    if (scopeClass.isEmpty() || !scopeClass.get().isWritable()) {
      return Either.left(
          new InvalidInput(
              "scope_class",
              "scope_class: '" + scope + "' cannot be synchronized (Person and Organization can)"));
    }
    return Either.right(
        new SynchroDataSource(
            0,
            "",
            "",
            DataSourceStatus.IMPLEMENTATION,
            0,
            0,
            scopeClass.get(),
            "",
            "",
            0,
            ReconciliationPolicy.USE_ATTRIBUTES,
            ActionOnZero.CREATE,
            ActionOnOne.UPDATE,
            ActionOnMultiple.ERROR,
            DeletePolicy.IGNORE,
            "",
            0,
            "nobody",
            "",
            "",
            SynchroDataSource.defaultAttributes(scopeClass.get())));
  }

  /** {@code base} with {@code fields} applied (the scope class cannot change once stored). */
  static Either<UseCaseFailure, SynchroDataSource> apply(
      SynchroDataSource base, Map<String, String> fields) {
    Map<String, String> v = new HashMap<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String name = field.getKey();
      String value = field.getValue() == null ? "" : field.getValue();
      if (!StorableText.isStorable(value) || !DirectoryText.isWellFormed(value)) {
        return Either.left(new InvalidInput(name, name + ": the value is not storable text"));
      }
      if (READ_ONLY.contains(name)) {
        continue;
      }
      if (!FIELDS.contains(name)) {
        return Either.left(new InvalidInput(name, name + ": Unknown attribute"));
      }
      v.put(name, value);
    }
    if (v.containsKey("scope_class")
        && !v.get("scope_class").strip().equals(base.scopeClass().className())) {
      return Either.left(
          new InvalidInput(
              "scope_class",
              "scope_class: a data source keeps its class ("
                  + base.scopeClass().className()
                  + "); create another data source for another class"));
    }
    try {
      return Either.right(
          new SynchroDataSource(
              base.id(),
              v.getOrDefault("name", base.name()).strip(),
              v.getOrDefault("description", base.description()),
              choice(v, "status", base.status(), DataSourceStatus::byCode),
              number(v, "user_id", base.userId()),
              number(v, "notify_contact_id", base.notifyContactId()),
              base.scopeClass(),
              v.getOrDefault("database_table_name", base.databaseTableName()),
              v.getOrDefault("scope_restriction", base.scopeRestriction()),
              number(v, "full_load_periodicity", base.fullLoadPeriodicity()),
              choice(
                  v,
                  "reconciliation_policy",
                  base.reconciliationPolicy(),
                  ReconciliationPolicy::byCode),
              choice(v, "action_on_zero", base.actionOnZero(), ActionOnZero::byCode),
              choice(v, "action_on_one", base.actionOnOne(), ActionOnOne::byCode),
              choice(v, "action_on_multiple", base.actionOnMultiple(), ActionOnMultiple::byCode),
              choice(v, "delete_policy", base.deletePolicy(), DeletePolicy::byCode),
              v.getOrDefault("delete_policy_update", base.deletePolicyUpdate()),
              number(v, "delete_policy_retention", base.deletePolicyRetention()),
              v.getOrDefault("user_delete_policy", base.userDeletePolicy()),
              v.getOrDefault("url_icon", base.urlIcon()),
              v.getOrDefault("url_application", base.urlApplication()),
              base.attributes()));
    } catch (BadField bad) {
      return Either.left(bad.failure);
    }
  }

  /**
   * {@code base}'s attributes replaced by {@code list} (each entry the fields of one attribute,
   * with its {@code attcode} and {@code finalclass}).
   */
  static Either<UseCaseFailure, SynchroDataSource> withAttributes(
      SynchroDataSource base, List<Map<String, String>> list) {
    List<SynchroAttribute> attributes = new ArrayList<>();
    for (Map<String, String> fields : list) {
      String attcode = fields.getOrDefault("attcode", "").strip();
      if (attcode.isEmpty()) {
        return Either.left(
            new InvalidInput("attribute_list", "attribute_list: each attribute needs an attcode"));
      }
      AttributeKind kind =
          SynchroDataSource.EXTERNAL_KEYS.containsKey(attcode)
              ? AttributeKind.EXTERNAL_KEY
              : AttributeKind.PLAIN;
      String finalclass = fields.get("finalclass");
      if (finalclass != null && !finalclass.equals(kind.code())) {
        return Either.left(
            new InvalidInput(
                "attribute_list",
                "attribute_list: '" + attcode + "' is a " + kind.code() + ", not a " + finalclass));
      }
      Either<UseCaseFailure, SynchroAttribute> read =
          attribute(
              base.scopeClass(),
              new SynchroAttribute(0, attcode, kind, true, false, UpdatePolicy.MASTER_LOCKED, ""),
              fields);
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      attributes.add(read.get());
    }
    return Either.right(base.stored(base.id(), attributes));
  }

  /** {@code base} with {@code fields} applied, checked against {@code scopeClass}. */
  static Either<UseCaseFailure, SynchroAttribute> attribute(
      DirectoryClass scopeClass, SynchroAttribute base, Map<String, String> fields) {
    Map<String, String> v = new HashMap<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String name = field.getKey();
      if (READ_ONLY.contains(name)) {
        continue;
      }
      if (!ATTRIBUTE_FIELDS.contains(name)) {
        return Either.left(new InvalidInput(name, name + ": Unknown attribute"));
      }
      v.put(name, field.getValue() == null ? "" : field.getValue().strip());
    }
    if (v.containsKey("attcode") && !v.get("attcode").equals(base.attcode())) {
      return Either.left(new InvalidInput("attcode", "attcode: an attribute keeps its code"));
    }
    if (v.containsKey("reconciliation_attcode") && base.kind() != AttributeKind.EXTERNAL_KEY) {
      return Either.left(
          new InvalidInput(
              "reconciliation_attcode",
              "reconciliation_attcode: only an external key (SynchroAttExtKey) has one"));
    }
    try {
      SynchroAttribute read =
          base.with(
              flag(v, "update", base.update()),
              flag(v, "reconcile", base.reconcile()),
              choice(v, "update_policy", base.updatePolicy(), UpdatePolicy::byCode),
              v.getOrDefault("reconciliation_attcode", base.reconciliationAttcode()));
      return SynchroDataSource.checkAttribute(scopeClass, read)
          .mapLeft(message -> (UseCaseFailure) new InvalidInput("attribute_list", message));
    } catch (BadField bad) {
      return Either.left(bad.failure);
    }
  }

  private static final Set<String> FIELDS = Set.copyOf(SynchroDataSource.FIELDS);

  private static final Set<String> ATTRIBUTE_FIELDS =
      Set.of("attcode", "update", "reconcile", "update_policy", "reconciliation_attcode");

  /** A field whose value is not one its type allows. */
  private static final class BadField extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient UseCaseFailure failure;

    BadField(String field, String message) {
      super(null, null, false, false);
      this.failure = new InvalidInput(field, field + ": " + message);
    }
  }

  private static <T extends Enum<T>> T choice(
      Map<String, String> v, String field, T current, Function<String, Option<T>> byCode) {
    String value = v.get(field);
    if (value == null) {
      return current;
    }
    return byCode
        .apply(value.strip())
        .getOrElseThrow(
            () -> {
              List<String> allowed = new ArrayList<>();
              for (T constant : current.getDeclaringClass().getEnumConstants()) {
                allowed.add(byCodeName(constant));
              }
              return new BadField(
                  field,
                  "'"
                      + value
                      + "' is not one of the allowed values: "
                      + String.join(", ", allowed));
            });
  }

  private static String byCodeName(Enum<?> constant) {
    try {
      return (String) constant.getClass().getMethod("code").invoke(constant);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long number(Map<String, String> v, String field, long current) {
    String value = v.get(field);
    if (value == null) {
      return current;
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return 0;
    }
    return DirectoryText.integer(stripped)
        .filter(number -> number >= 0)
        .getOrElseThrow(() -> new BadField(field, "'" + value + "' is not a whole number >= 0"));
  }

  private static boolean flag(Map<String, String> v, String field, boolean current) {
    String value = v.get(field);
    if (value == null) {
      return current;
    }
    switch (value) {
      case "1":
      case "true":
        return true;
      case "0":
      case "":
      case "false":
        return false;
      default:
        throw new BadField(field, "'" + value + "' is not 0 or 1");
    }
  }
}
