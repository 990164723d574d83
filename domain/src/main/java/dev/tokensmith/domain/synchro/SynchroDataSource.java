package dev.tokensmith.domain.synchro;

import dev.tokensmith.domain.directory.DirectoryClass;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * iTop's {@code SynchroDataSource}: a named source of objects of one class ({@code scopeClass}),
 * loaded as replicas by its collector and synchronized into the directory by the rules it holds
 * (its attributes, reconciliation policy, actions, full-load periodicity and delete policy). Built
 * only through {@link #check}, which enforces iTop's rules for writing one; {@code id} is 0 until
 * it is stored.
 */
public record SynchroDataSource(
    long id,
    String name,
    String description,
    DataSourceStatus status,
    long userId,
    long notifyContactId,
    DirectoryClass scopeClass,
    String databaseTableName,
    String scopeRestriction,
    long fullLoadPeriodicity,
    ReconciliationPolicy reconciliationPolicy,
    ActionOnZero actionOnZero,
    ActionOnOne actionOnOne,
    ActionOnMultiple actionOnMultiple,
    DeletePolicy deletePolicy,
    String deletePolicyUpdate,
    long deletePolicyRetention,
    String userDeletePolicy,
    String urlIcon,
    String urlApplication,
    List<SynchroAttribute> attributes) {

  /** The column of the replica table that holds the collector's identifier of each row. */
  public static final String PRIMARY_KEY = "primary_key";

  /** The fields of a data source a client writes, as iTop names them, in iTop's order. */
  public static final List<String> FIELDS =
      List.of(
          "name",
          "description",
          "status",
          "user_id",
          "notify_contact_id",
          "scope_class",
          "database_table_name",
          "scope_restriction",
          "full_load_periodicity",
          "reconciliation_policy",
          "action_on_zero",
          "action_on_one",
          "action_on_multiple",
          "delete_policy",
          "delete_policy_update",
          "delete_policy_retention",
          "user_delete_policy",
          "url_icon",
          "url_application");

  /** The class each external key points at. */
  public static final Map<String, DirectoryClass> EXTERNAL_KEYS =
      Map.of("org_id", DirectoryClass.ORGANIZATION);

  /** The user delete policies iTop offers. */
  public static final Set<String> USER_DELETE_POLICIES =
      Set.of("nobody", "administrators", "everybody");

  /** The attributes iTop reconciles a class on by default (its reconciliation keys). */
  private static final Map<DirectoryClass, List<String>> DEFAULT_RECONCILIATION =
      Map.of(
          DirectoryClass.PERSON,
          List.of("first_name", "name", "email", "org_id"),
          DirectoryClass.ORGANIZATION,
          List.of("name"));

  public SynchroDataSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(scopeClass, "scopeClass");
    Objects.requireNonNull(databaseTableName, "databaseTableName");
    Objects.requireNonNull(scopeRestriction, "scopeRestriction");
    Objects.requireNonNull(reconciliationPolicy, "reconciliationPolicy");
    Objects.requireNonNull(actionOnZero, "actionOnZero");
    Objects.requireNonNull(actionOnOne, "actionOnOne");
    Objects.requireNonNull(actionOnMultiple, "actionOnMultiple");
    Objects.requireNonNull(deletePolicy, "deletePolicy");
    Objects.requireNonNull(deletePolicyUpdate, "deletePolicyUpdate");
    Objects.requireNonNull(userDeletePolicy, "userDeletePolicy");
    Objects.requireNonNull(urlIcon, "urlIcon");
    Objects.requireNonNull(urlApplication, "urlApplication");
    attributes = List.copyOf(attributes);
  }

  /**
   * {@code source} when it may be written, as iTop's {@code DoCheckToWrite} and its attribute
   * definitions decide; otherwise the sentence saying why not.
   */
  public static Either<String, SynchroDataSource> check(SynchroDataSource source) {
    if (source.name.isBlank()) {
      return Either.left("name: a data source needs a name");
    }
    if (!source.scopeClass.isWritable()) {
      return Either.left(
          "scope_class: '"
              + source.scopeClass.className()
              + "' cannot be synchronized (Person and Organization can)");
    }
    if (source.fullLoadPeriodicity < 0) {
      return Either.left("full_load_periodicity: must not be negative (seconds)");
    }
    if (source.deletePolicyRetention < 0) {
      return Either.left("delete_policy_retention: must not be negative (seconds)");
    }
    if (!USER_DELETE_POLICIES.contains(source.userDeletePolicy)) {
      return Either.left(
          "user_delete_policy: '"
              + source.userDeletePolicy
              + "' is not one of administrators, everybody, nobody");
    }
    List<String> seen = new ArrayList<>();
    for (SynchroAttribute attribute : source.attributes) {
      Either<String, SynchroAttribute> checked = checkAttribute(source.scopeClass, attribute);
      if (checked.isLeft()) {
        return Either.left(checked.getLeft());
      }
      if (seen.contains(attribute.attcode())) {
        return Either.left("attribute_list: attribute '" + attribute.attcode() + "' is twice");
      }
      seen.add(attribute.attcode());
    }
    if (source.reconciliationPolicy == ReconciliationPolicy.USE_ATTRIBUTES
        && source.attributes.stream().noneMatch(SynchroAttribute::reconcile)) {
      return Either.left(
          "The reconciliation policy use_attributes needs at least one attribute with reconcile"
              + " set to 1");
    }
    if (source.deletePolicy.needsRetention() && source.deletePolicyRetention <= 0) {
      return Either.left(
          "The delete policy update_then_delete needs a delete_policy_retention (seconds)");
    }
    Either<String, DeletePolicyUpdate> update = DeletePolicyUpdate.parse(source.deletePolicyUpdate);
    if (update.isLeft()) {
      return Either.left(update.getLeft());
    }
    if (source.deletePolicy.needsUpdate() && update.get().isEmpty()) {
      return Either.left(
          "The delete policy " + source.deletePolicy.code() + " needs a delete_policy_update");
    }
    for (String attcode : update.get().values().keySet()) {
      if (!source.scopeClass.writableAttributeCodes().contains(attcode)) {
        return Either.left(
            "delete_policy_update: '"
                + attcode
                + "' is not a writable attribute of "
                + source.scopeClass.className()
                + " ("
                + String.join(", ", source.scopeClass.writableAttributeCodes())
                + ")");
      }
    }
    return Either.right(source);
  }

  /** {@code attribute} when it fits {@code scopeClass}; otherwise the sentence saying why not. */
  public static Either<String, SynchroAttribute> checkAttribute(
      DirectoryClass scopeClass, SynchroAttribute attribute) {
    String attcode = attribute.attcode();
    if (!scopeClass.writableAttributeCodes().contains(attcode)) {
      return Either.left(
          "attcode: '"
              + attcode
              + "' is not a synchronizable attribute of "
              + scopeClass.className()
              + " ("
              + String.join(", ", scopeClass.writableAttributeCodes())
              + ")");
    }
    boolean externalKey = EXTERNAL_KEYS.containsKey(attcode);
    if (externalKey != (attribute.kind() == AttributeKind.EXTERNAL_KEY)) {
      return Either.left(
          "attcode: '"
              + attcode
              + "' is "
              + (externalKey ? "an external key (SynchroAttExtKey)" : "a plain attribute")
              + ", not a "
              + attribute.kind().code());
    }
    if (externalKey
        && !attribute.reconciliationAttcode().isEmpty()
        && !EXTERNAL_KEYS.get(attcode).hasAttribute(attribute.reconciliationAttcode())) {
      return Either.left(
          "reconciliation_attcode: '"
              + attribute.reconciliationAttcode()
              + "' is not an attribute of "
              + EXTERNAL_KEYS.get(attcode).className());
    }
    return Either.right(attribute);
  }

  /**
   * The attributes iTop gives a new data source of {@code scopeClass}: one per writable attribute,
   * updated, master-locked, reconciled on the class's reconciliation keys.
   */
  public static List<SynchroAttribute> defaultAttributes(DirectoryClass scopeClass) {
    List<SynchroAttribute> attributes = new ArrayList<>();
    for (String attcode : scopeClass.writableAttributeCodes()) {
      attributes.add(
          new SynchroAttribute(
              0,
              attcode,
              EXTERNAL_KEYS.containsKey(attcode) ? AttributeKind.EXTERNAL_KEY : AttributeKind.PLAIN,
              true,
              DEFAULT_RECONCILIATION.getOrDefault(scopeClass, List.of()).contains(attcode),
              UpdatePolicy.MASTER_LOCKED,
              ""));
    }
    return attributes;
  }

  /** The columns of this source's replicas besides {@code primary_key}. */
  public List<String> columns() {
    return scopeClass.writableAttributeCodes();
  }

  /** The attributes a synchronization reconciles on, in the source's order. */
  public List<SynchroAttribute> reconciliationAttributes() {
    return reconciliationPolicy == ReconciliationPolicy.USE_PRIMARY_KEY
        ? List.of()
        : attributes.stream().filter(SynchroAttribute::reconcile).toList();
  }

  /** The attributes a synchronization writes. */
  public List<SynchroAttribute> updatedAttributes() {
    return attributes.stream().filter(SynchroAttribute::update).toList();
  }

  /** The values to write into an unseen replica's object (valid: {@link #check} parsed them). */
  public DeletePolicyUpdate unseenUpdate() {
    return DeletePolicyUpdate.parse(deletePolicyUpdate).getOrElse(DeletePolicyUpdate.NONE);
  }

  /**
   * The instant before which a replica counts as not seen in the last full load, for a
   * synchronization run on its own at {@code now}: now less the full-load periodicity, or the epoch
   * when the periodicity is 0 (nothing is ever unseen then), as iTop's {@code synchro_exec.php}.
   */
  public Instant unseenLimit(Instant now) {
    return fullLoadPeriodicity > 0
        ? now.minus(Duration.ofSeconds(fullLoadPeriodicity))
        : Instant.EPOCH;
  }

  /**
   * The same limit for a synchronization right after a load that started at {@code loadStart}
   * ({@code synchro_import.php} with {@code synchronize=1}): the load's start less the periodicity,
   * so with a periodicity of 0 every replica the load did not see is unseen.
   */
  public Instant unseenLimitAfterLoad(Instant loadStart) {
    return loadStart.minus(Duration.ofSeconds(fullLoadPeriodicity));
  }

  /**
   * The instant before which an obsolete replica's object is deleted ({@code update_then_delete}).
   */
  public Instant retentionLimit(Instant unseenLimit) {
    return unseenLimit.minus(Duration.ofSeconds(deletePolicyRetention));
  }

  /** The same source stored as {@code newId}, with its attributes as stored. */
  public SynchroDataSource stored(long newId, List<SynchroAttribute> storedAttributes) {
    return new SynchroDataSource(
        newId,
        name,
        description,
        status,
        userId,
        notifyContactId,
        scopeClass,
        databaseTableName,
        scopeRestriction,
        fullLoadPeriodicity,
        reconciliationPolicy,
        actionOnZero,
        actionOnOne,
        actionOnMultiple,
        deletePolicy,
        deletePolicyUpdate,
        deletePolicyRetention,
        userDeletePolicy,
        urlIcon,
        urlApplication,
        storedAttributes);
  }
}
