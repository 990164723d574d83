package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.DirectoryDeletion;
import dev.tokensmith.application.port.in.SynchroOutcome;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.PersonChanges;
import dev.tokensmith.application.port.out.SynchroStore;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import dev.tokensmith.domain.synchro.AttributeKind;
import dev.tokensmith.domain.synchro.DataSourceStatus;
import dev.tokensmith.domain.synchro.ReconciliationPolicy;
import dev.tokensmith.domain.synchro.Replica;
import dev.tokensmith.domain.synchro.ReplicaStatus;
import dev.tokensmith.domain.synchro.SynchroAttribute;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroLog;
import dev.tokensmith.domain.synchro.SynchroStatistics;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One synchronization of one data source, iTop's {@code SynchroExecution} in three jobs: replicas
 * the last full load did not see (by the delete policy), new and modified replicas (reconciled,
 * then created or updated), and obsolete replicas past the retention (deleted). Runs inside the
 * caller's transaction, after holding the data source so that a second run waits for none and does
 * nothing.
 */
final class Synchronization {
  /**
   * More replicas than this, all unseen, stop the run (iTop's {@code synchro_prevent_delete_all}).
   */
  static final int PREVENT_DELETE_ALL_ABOVE = 10;

  /** Creations and changes of objects written together: one statement of each per batch. */
  private static final int WRITE_BATCH = 5000;

  static final String ALL_UNTOUCHED =
      "All records have been untouched for some time (all of the objects could be deleted)."
          + " Please check that the process that writes into the synchronization table is still"
          + " running. Operation cancelled.";

  static final String ALREADY_RUNNING =
      "The data source is being synchronized by another run right now (it holds the data source);"
          + " nothing was done. Operation cancelled.";

  private final SynchroStore store;
  private final Clock clock;

  /**
   * The run's log, written as {@code running} before the run's transaction; none in a simulation.
   */
  private final Option<SynchroLog> log;

  private final DirectoryService directory;
  private final Principal actor;
  private final SynchroDataSource source;
  private final DirectoryClass target;
  private final List<String> traces = new ArrayList<>();
  private final Map<Long, Replica> changed = new LinkedHashMap<>();
  private final List<Long> dropped = new ArrayList<>();

  /** How many objects one read of the store may answer: all that match. */
  private static final int MAX = Integer.MAX_VALUE;

  private final DirectoryStore objects;
  private final Either<UseCaseFailure, DirectoryClass> readable;

  /** Every object of the target class read or created so far, by id (created ones once written). */
  private final Map<Long, Known> known = new HashMap<>();

  /** The known objects by their reconciliation values. */
  private final ReconciliationIndex index;

  /** Persons decided but not yet written, in the order of their replicas. */
  private final Map<Known, NewPerson> creations = new LinkedHashMap<>();

  private final List<Creating> creating = new ArrayList<>();
  private final Map<Long, PersonChanges> changes = new LinkedHashMap<>();

  /** What to undo, by person, if the person is found gone when its changes are written. */
  private final Map<Long, List<Runnable>> undo = new HashMap<>();

  private final Map<Long, Either<UseCaseFailure, Organization>> organizations = new HashMap<>();

  /** External keys resolved in this run, by attcode and value: each value is looked up once. */
  private final Map<String, Either<String, Long>> resolved = new HashMap<>();

  private int replicas;
  private int replicasSeen;
  private int deleted;
  private int deletionErrors;
  private int obsoleted;
  private int obsolescenceErrors;
  private int created;
  private int createdWarnings;
  private int creationErrors;
  private int updated;
  private int updatedWarnings;
  private int updateErrors;
  private int reconciledUpdated;
  private int reconciledUpdatedWarnings;
  private int reconciledUnchanged;
  private int reconciledUnchangedWarnings;
  private int reconciliationErrors;
  private int disappeared;

  Synchronization(
      SynchroStore store,
      DirectoryService directory,
      Principal actor,
      SynchroDataSource source,
      Clock clock,
      Option<SynchroLog> log) {
    this.store = store;
    this.clock = clock;
    this.log = log;
    this.directory = directory;
    this.actor = actor;
    this.source = source;
    this.target = source.scopeClass();
    this.index = new ReconciliationIndex(target, reconciliationAttcodes());
    this.objects = directory.store();
    this.readable = DirectoryService.mayRead(actor, target);
  }

  /** Runs the jobs with {@code unseenLimit}: replicas last seen before it were not in the load. */
  SynchroOutcome run(Instant unseenLimit) {
    if (source.status() == DataSourceStatus.OBSOLETE) {
      return notStarted("The data source is marked as obsolete. Operation cancelled.");
    }
    if (!SynchroService.mayRun(actor, source)) {
      return notStarted(SynchroService.NOT_ALLOWED);
    }
    if (source.updatedAttributes().isEmpty()) {
      return notStarted("There is no attribute to update");
    }
    if (source.reconciliationPolicy() == ReconciliationPolicy.USE_ATTRIBUTES
        && source.reconciliationAttributes().isEmpty()) {
      return notStarted("No attribute for reconciliation");
    }
    if (!store.claim(source.id())) {
      return notStarted(ALREADY_RUNNING);
    }
    List<Replica> all = store.replicas(source.id());
    replicas = all.size();
    List<Replica> current = new ArrayList<>();
    if (source.deletePolicy().actsOnUnseen()) {
      List<Replica> unseen = all.stream().filter(r -> r.unseenSince(unseenLimit)).toList();
      if (all.size() > PREVENT_DELETE_ALL_ABOVE && unseen.size() == all.size()) {
        return finished(ALL_UNTOUCHED);
      }
      for (Replica replica : all) {
        if (replica.unseenSince(unseenLimit)) {
          unseen(replica).forEach(current::add);
        } else {
          current.add(replica);
        }
      }
    } else {
      current.addAll(all);
    }
    replicasSeen = (int) all.stream().filter(r -> !r.lastSeen().isBefore(unseenLimit)).count();
    synchronizeSeen(current);
    if (source.deletePolicy().deletesAfterRetention()) {
      Instant retentionLimit = source.retentionLimit(unseenLimit);
      for (Replica replica : current) {
        Replica now = changed.getOrDefault(replica.id(), replica);
        if (now.status() == ReplicaStatus.OBSOLETE && now.lastSeen().isBefore(retentionLimit)) {
          deleteDestination(now);
        }
      }
    }
    changed.keySet().removeAll(dropped);
    store.save(source.id(), List.copyOf(changed.values()));
    store.delete(dropped);
    return finished(null);
  }

  /** Job 1 for one replica; answers it if it stays. */
  private Option<Replica> unseen(Replica replica) {
    if (source.deletePolicy().deletesUnseen()) {
      deleteDestination(replica);
      return Option.none();
    }
    if (replica.destination().isEmpty()) {
      disappeared++;
      drop(replica);
      return Option.none();
    }
    long id = replica.destination().get();
    Option<DirectoryRecord> object = byId(id);
    if (object.isEmpty()) {
      disappeared++;
      drop(replica);
      return Option.none();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> value : source.unseenUpdate().values().entrySet()) {
      values.put(value.getKey(), typed(value.getKey(), value.getValue()));
    }
    Either<UseCaseFailure, DirectoryRecord> done = directory.update(actor, target, id, values);
    if (done.isLeft()) {
      obsolescenceErrors++;
      return Option.some(keep(replica.failed(done.getLeft().message())));
    }
    obsoleted++;
    trace(replica, id, "Obsoleted (delete policy " + source.deletePolicy().code() + ")");
    return Option.some(keep(replica.withStatus(ReplicaStatus.OBSOLETE, "")));
  }

  /**
   * Deletes the replica's object if the replica created it, and the replica; an object the replica
   * did not create stays (the replica alone goes: "disappeared, no action taken").
   */
  private void deleteDestination(Replica replica) {
    if (replica.destination().isEmpty() || !replica.destinationCreator()) {
      disappeared++;
      drop(replica);
      return;
    }
    long id = replica.destination().get();
    Criteria byId = new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(id));
    Either<UseCaseFailure, List<DirectoryDeletion>> done =
        directory.delete(actor, new ObjectQuery(target, byId), false);
    if (done.isLeft()) {
      deletionErrors++;
      keep(replica.failed(done.getLeft().message()));
      return;
    }
    for (DirectoryDeletion deletion : done.get()) {
      if (!deletion.deleted()) {
        deletionErrors++;
        keep(replica.failed("Cannot be deleted: " + deletion.issue().get()));
        return;
      }
    }
    deleted++;
    trace(replica, id, "Deleted");
    drop(replica);
  }

  /**
   * Job 2, set-based as the bulk import is: the objects the new replicas may reconcile with, and
   * the objects the modified ones point at, are read {@link
   * BulkDirectoryService#RECONCILIATION_BATCH} replicas per query; each replica is then decided in
   * order against those objects as the earlier replicas left them; persons are written in batches
   * ({@link DirectoryStore#createPersons}, {@link DirectoryStore#updatePersons}), organizations one
   * by one (they are few, and the store checks their unique names).
   */
  private void synchronizeSeen(List<Replica> current) {
    List<Replica> acted = new ArrayList<>();
    for (Replica replica : current) {
      if (replica.status() == ReplicaStatus.NEW
          || replica.status() == ReplicaStatus.MODIFIED
          || (replica.status() == ReplicaStatus.SYNCHRONIZED && !replica.lastWarning().isEmpty())) {
        acted.add(replica);
      }
    }
    Map<Long, Either<String, List<Object>>> keys = new HashMap<>();
    List<Replica> keyed = new ArrayList<>();
    List<Object> destinations = new ArrayList<>();
    for (Replica replica : acted) {
      if (replica.status() == ReplicaStatus.NEW) {
        Either<String, List<Object>> key = reconciliationKey(replica);
        keys.put(replica.id(), key);
        if (key.isRight() && !key.get().isEmpty()) {
          keyed.add(replica);
        }
      } else {
        replica.destination().forEach(destinations::add);
      }
    }
    if (readable.isRight()) {
      List<String> attcodes = reconciliationAttcodes();
      for (int from = 0; from < keyed.size(); from += BulkDirectoryService.BATCH) {
        List<Replica> batch =
            keyed.subList(from, Math.min(keyed.size(), from + BulkDirectoryService.BATCH));
        List<Criteria> conditions = new ArrayList<>();
        for (int k = 0; k < attcodes.size(); k++) {
          Set<Object> values = new LinkedHashSet<>();
          for (Replica replica : batch) {
            values.add(keys.get(replica.id()).get().get(k));
          }
          conditions.add(in(attcodes.get(k), values));
        }
        read(conditions.size() == 1 ? conditions.get(0) : new Criteria.And(conditions));
      }
      for (int from = 0; from < destinations.size(); from += BulkDirectoryService.BATCH) {
        read(
            in(
                "id",
                destinations.subList(
                    from, Math.min(destinations.size(), from + BulkDirectoryService.BATCH))));
      }
    }
    for (Replica replica : acted) {
      if (replica.status() == ReplicaStatus.NEW) {
        reconcileNew(replica, keys.get(replica.id()));
      } else {
        updateExisting(replica);
      }
      if (creations.size() + changes.size() >= WRITE_BATCH) {
        write();
      }
    }
    write();
  }

  /** The attributes new replicas are reconciled on: {@code id} for the primary-key policy. */
  private List<String> reconciliationAttcodes() {
    if (source.reconciliationPolicy() == ReconciliationPolicy.USE_PRIMARY_KEY) {
      return List.of("id");
    }
    return source.reconciliationAttributes().stream().map(SynchroAttribute::attcode).toList();
  }

  /**
   * The values a new replica is reconciled on, by {@link #reconciliationAttcodes} (external keys
   * resolved to ids), empty when its primary key names no object; or why it cannot be reconciled.
   */
  private Either<String, List<Object>> reconciliationKey(Replica replica) {
    if (source.reconciliationPolicy() == ReconciliationPolicy.USE_PRIMARY_KEY) {
      Option<Long> id = DirectoryText.integer(replica.primaryKey());
      return Either.right(id.isEmpty() || id.get() <= 0 ? List.of() : List.of(id.get()));
    }
    List<Object> values = new ArrayList<>();
    for (SynchroAttribute attribute : source.reconciliationAttributes()) {
      Option<String> value = replica.value(attribute.attcode());
      if (value.isEmpty()) {
        return Either.left(
            "Could not reconcile on null value for attribute '" + attribute.attcode() + "'");
      }
      if (attribute.kind() == AttributeKind.EXTERNAL_KEY) {
        Either<String, Long> key = externalKey(attribute, value.get());
        if (key.isLeft()) {
          return Either.left(key.getLeft());
        }
        values.add(key.get());
      } else {
        values.add(value.get());
      }
    }
    return Either.right(values);
  }

  private static Criteria in(String attcode, Collection<Object> values) {
    List<Literal> literals = new ArrayList<>(values.size());
    for (Object value : values) {
      literals.add(value instanceof Long id ? Literal.of(id) : Literal.of((String) value));
    }
    return new Criteria.In(attcode, literals, false);
  }

  /** Reads the objects of the target class that match into {@link #known}. */
  private void read(Criteria criteria) {
    for (DirectoryRecord record : objects.find(new ObjectQuery(target, criteria), MAX, 0)) {
      if (!known.containsKey(record.id())) {
        Known object = new Known(record.id(), record.fields());
        known.put(record.id(), object);
        index.add(object);
      }
    }
  }

  /** Job 2 for a new replica: reconciled, then its object created or updated. */
  private void reconcileNew(Replica replica, Either<String, List<Object>> key) {
    if (key.isLeft()) {
      reconciliationErrors++;
      keep(replica.failed(key.getLeft()));
      return;
    }
    if (readable.isLeft()) {
      reconciliationErrors++;
      keep(replica.failed(readable.getLeft().message()));
      return;
    }
    List<Known> found = matches(key.get());
    if (found.stream().anyMatch(object -> object.id == 0)) {
      // an earlier replica's object, not written yet: written now, so it has its id
      write();
      found = matches(key.get());
    }
    if (found.isEmpty()) {
      switch (source.actionOnZero()) {
        case CREATE:
          create(replica);
          return;
        default:
          reconciliationErrors++;
          keep(replica.failed("Could not find a match for reconciliation"));
          return;
      }
    }
    if (found.size() == 1) {
      switch (source.actionOnOne()) {
        case UPDATE:
          reconcileWith(replica, found.get(0));
          return;
        default:
          reconciliationErrors++;
          keep(replica.failed("Found a match while expecting none"));
          return;
      }
    }
    switch (source.actionOnMultiple()) {
      case TAKE_FIRST:
        reconcileWith(replica, found.get(0));
        return;
      case CREATE:
        create(replica);
        return;
      default:
        reconciliationErrors++;
        keep(
            replica.failed(
                found.size()
                    + " destination objects match the reconciliation criterias: "
                    + criteriaText(replica)));
    }
  }

  private void create(Replica replica) {
    List<String> warnings = new ArrayList<>();
    Map<String, Object> values = values(replica, Option.none(), warnings);
    if (target != DirectoryClass.PERSON) {
      Either<UseCaseFailure, DirectoryRecord> done = directory.create(actor, target, values);
      if (done.isLeft()) {
        creationErrors++;
        keep(replica.failed(done.getLeft().message()));
        return;
      }
      Known object = new Known(done.get().id(), done.get().fields());
      known.put(object.id, object);
      index.add(object);
      created++;
      createdWarnings += warnings.size();
      trace(replica, object.id, "Created");
      keep(replica.synchronizedWith(object.id, true, String.join("; ", warnings)));
      return;
    }
    Either<UseCaseFailure, NewPerson> checked =
        DirectoryService.mayWrite(actor, target, "creating")
            .flatMap(allowed -> DirectoryFields.read(target, values))
            .flatMap(read -> DirectoryService.newPerson(read, this::organization));
    if (checked.isLeft()) {
      creationErrors++;
      keep(replica.failed(checked.getLeft().message()));
      return;
    }
    created++;
    createdWarnings += warnings.size();
    Known object = new Known(0, BulkDirectoryService.personFields(0, checked.get()));
    index.add(object);
    creations.put(object, checked.get());
    creating.add(new Creating(replica, object, String.join("; ", warnings), traces.size()));
    traces.add("");
  }

  private void reconcileWith(Replica replica, Known object) {
    List<String> warnings = new ArrayList<>();
    Map<String, Object> values = values(replica, Option.some(object.fields), warnings);
    String warning = String.join("; ", warnings);
    if (values.isEmpty()) {
      reconciledUnchanged++;
      reconciledUnchangedWarnings += warnings.size();
      keep(replica.synchronizedWith(object.id, false, warning));
      return;
    }
    Either<UseCaseFailure, Boolean> done = change(object, values);
    if (done.isLeft()) {
      reconciliationErrors++;
      keep(replica.failed(done.getLeft().message()));
      return;
    }
    reconciledUpdated++;
    reconciledUpdatedWarnings += warnings.size();
    trace(replica, object.id, "Reconciled and updated");
    Replica kept = keep(replica.synchronizedWith(object.id, false, warning));
    whenGone(
        object.id,
        () -> {
          reconciledUpdated--;
          reconciledUpdatedWarnings -= warnings.size();
          reconciliationErrors++;
          keep(kept.failed(gone(object.id)));
        });
  }

  /** Job 2 for a modified replica (or one with a warning): its object updated. */
  private void updateExisting(Replica replica) {
    Known object = replica.destination().map(known::get).getOrNull();
    if (object == null) {
      updateErrors++;
      keep(replica.withStatus(ReplicaStatus.ORPHAN, "Destination object deleted unexpectedly"));
      return;
    }
    List<String> warnings = new ArrayList<>();
    Map<String, Object> values = values(replica, Option.some(object.fields), warnings);
    long id = object.id;
    Replica kept = keep(replica.synchronizedWith(id, false, String.join("; ", warnings)));
    if (values.isEmpty()) {
      return;
    }
    Either<UseCaseFailure, Boolean> done = change(object, values);
    if (done.isLeft()) {
      updateErrors++;
      keep(replica.failed(done.getLeft().message()));
      return;
    }
    updated++;
    updatedWarnings += warnings.size();
    trace(replica, id, "Updated");
    whenGone(
        id,
        () -> {
          updated--;
          updatedWarnings -= warnings.size();
          updateErrors++;
          keep(kept.failed(gone(id)));
        });
  }

  /**
   * Changes {@code object} by {@code values}: an organization at once, a person checked now and
   * written with the batch (as the run sees it changed from now on).
   */
  private Either<UseCaseFailure, Boolean> change(Known object, Map<String, Object> values) {
    if (target != DirectoryClass.PERSON) {
      Either<UseCaseFailure, DirectoryRecord> done =
          directory.update(actor, target, object.id, values);
      done.forEach(
          record -> {
            index.remove(object);
            object.fields = record.fields();
            index.add(object);
          });
      return done.map(record -> true);
    }
    Either<UseCaseFailure, PersonChanges> checked =
        DirectoryService.mayWrite(actor, target, "modifying")
            .flatMap(allowed -> DirectoryFields.read(target, values))
            .flatMap(read -> DirectoryService.personChanges(read, this::organization));
    if (checked.isLeft()) {
      return Either.left(checked.getLeft());
    }
    index.remove(object);
    Map<String, String> fields = new LinkedHashMap<>(object.fields);
    values.forEach((code, value) -> fields.put(code, String.valueOf(value).strip()));
    checked
        .get()
        .organization()
        .forEach(id -> fields.put("org_name", organizations.get(id.value()).get().name()));
    fields.put("friendlyname", fields.get("first_name") + " " + fields.get("name"));
    object.fields = fields;
    index.add(object);
    changes.merge(object.id, checked.get(), BulkDirectoryService::later);
    return Either.right(true);
  }

  /** Writes the persons decided so far: the creations in order, then the changes. */
  private void write() {
    if (!creations.isEmpty()) {
      List<Known> fresh = new ArrayList<>(creations.keySet());
      List<DirectoryRecord> written = objects.createPersons(new ArrayList<>(creations.values()));
      creations.clear();
      for (int i = 0; i < fresh.size(); i++) {
        Known object = fresh.get(i);
        index.remove(object);
        object.id = written.get(i).id();
        object.fields = written.get(i).fields();
        known.put(object.id, object);
        index.add(object);
      }
      for (Creating done : creating) {
        traces.set(done.trace(), traceLine(done.replica(), done.object().id, "Created"));
        keep(done.replica().synchronizedWith(done.object().id, true, done.warning()));
      }
      creating.clear();
    }
    if (!changes.isEmpty()) {
      Set<Long> vanished = objects.updatePersons(changes);
      changes.clear();
      for (Map.Entry<Long, List<Runnable>> change : undo.entrySet()) {
        if (vanished.contains(change.getKey())) {
          change.getValue().forEach(Runnable::run);
        }
      }
      undo.clear();
    }
  }

  /** What to undo if object {@code id} is found gone when its changes are written. */
  private void whenGone(long id, Runnable undone) {
    if (target == DirectoryClass.PERSON) {
      undo.computeIfAbsent(id, ignored -> new ArrayList<>()).add(undone);
    }
  }

  private String gone(long id) {
    return "Invalid object " + target.className() + "::" + id;
  }

  /** The organization of id {@code id}, read once per run. */
  private Either<UseCaseFailure, Organization> organization(long id) {
    return organizations.computeIfAbsent(id, directory::organization);
  }

  /** The known objects whose reconciliation attributes equal {@code key}, by ascending id. */
  private List<Known> matches(List<Object> key) {
    List<Known> found = index.matches(key.stream().map(String::valueOf).toList());
    found.sort(Comparator.comparingLong(object -> object.id == 0 ? Long.MAX_VALUE : object.id));
    return found;
  }

  private String criteriaText(Replica replica) {
    List<String> parts = new ArrayList<>();
    for (SynchroAttribute attribute : source.reconciliationAttributes()) {
      parts.add(
          attribute.attcode() + " = '" + replica.value(attribute.attcode()).getOrElse("") + "'");
    }
    return String.join(" AND ", parts);
  }

  /**
   * The attribute values the replica writes: its non-NULL columns of the attributes updated (and,
   * for a new object, reconciled), external keys resolved, each only where {@code object}'s fields
   * differ and its update policy lets it write. A key that resolves to nothing is left out with a
   * warning.
   */
  private Map<String, Object> values(
      Replica replica, Option<Map<String, String>> object, List<String> warnings) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (SynchroAttribute attribute : source.attributes()) {
      boolean written = attribute.update() || (object.isEmpty() && attribute.reconcile());
      Option<String> value = replica.value(attribute.attcode());
      if (!written || value.isEmpty()) {
        continue;
      }
      Object typed = value.get();
      if (attribute.kind() == AttributeKind.EXTERNAL_KEY) {
        Either<String, Long> key = externalKey(attribute, value.get());
        if (key.isLeft()) {
          warnings.add(key.getLeft());
          continue;
        }
        typed = key.get();
      }
      if (object.isDefined()) {
        String current = object.get().getOrDefault(attribute.attcode(), "");
        if (!attribute.updatePolicy().writesOver(current)
            || current.equals(String.valueOf(typed).strip())) {
          continue;
        }
      }
      values.put(attribute.attcode(), typed);
    }
    return values;
  }

  /** The id an external key's value names, by its reconciliation attribute (or as the id). */
  private Either<String, Long> externalKey(SynchroAttribute attribute, String value) {
    return resolved.computeIfAbsent(
        attribute.attcode() + "\u0000" + attribute.reconciliationAttcode() + "\u0000" + value,
        key -> lookUp(attribute, value));
  }

  private Either<String, Long> lookUp(SynchroAttribute attribute, String value) {
    DirectoryClass pointed = SynchroDataSource.EXTERNAL_KEYS.get(attribute.attcode());
    String on =
        attribute.reconciliationAttcode().isEmpty() ? "id" : attribute.reconciliationAttcode();
    Criteria criteria =
        new Criteria.Comparison(on, ComparisonOperator.EQUAL, Literal.of(value.strip()));
    Either<UseCaseFailure, List<DirectoryRecord>> found =
        directory.find(actor, new ObjectQuery(pointed, criteria), 2, 0);
    if (found.isRight() && found.get().size() == 1) {
      return Either.right(found.get().get(0).id());
    }
    return Either.left(
        "Could not find [unique] object for '"
            + attribute.attcode()
            + "': searched on "
            + on
            + " = '"
            + value
            + "'");
  }

  private Object typed(String attcode, String value) {
    if (SynchroDataSource.EXTERNAL_KEYS.containsKey(attcode)) {
      Option<Long> id = DirectoryText.integer(value.strip());
      return id.isDefined() ? (Object) id.get() : value;
    }
    return value;
  }

  private Option<DirectoryRecord> byId(long id) {
    Criteria byId = new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(id));
    Either<UseCaseFailure, List<DirectoryRecord>> found =
        directory.find(actor, new ObjectQuery(target, byId), 1, 0);
    return found.isRight() && !found.get().isEmpty()
        ? Option.some(found.get().get(0))
        : Option.none();
  }

  /** A replica whose person is created with the next batch, and the place of its trace line. */
  private record Creating(Replica replica, Known object, String warning, int trace) {}

  private Replica keep(Replica replica) {
    changed.put(replica.id(), replica);
    return replica;
  }

  private void drop(Replica replica) {
    dropped.add(replica.id());
  }

  private void trace(Replica replica, long objectId, String message) {
    traces.add(traceLine(replica, objectId, message));
  }

  private String traceLine(Replica replica, long objectId, String message) {
    return replica.id() + "," + target.className() + "::" + objectId + "," + message;
  }

  /** A run that could not start: its log goes, as iTop deletes it. */
  private SynchroOutcome notStarted(String error) {
    log.forEach(running -> store.deleteLog(running.id()));
    return outcome(error);
  }

  /** A run that ran: its log ends, completed or in error, in the run's transaction. */
  private SynchroOutcome finished(String error) {
    SynchroOutcome outcome = outcome(error);
    log.forEach(
        running ->
            store.saveLog(running.ended(clock.instant(), outcome.statistics(), outcome.error())));
    return outcome;
  }

  private SynchroOutcome outcome(String error) {
    return new SynchroOutcome(
        source,
        new SynchroStatistics(
            replicas,
            replicasSeen,
            deleted,
            deletionErrors,
            obsoleted,
            obsolescenceErrors,
            created,
            createdWarnings,
            creationErrors,
            updated,
            updatedWarnings,
            updateErrors,
            reconciledUpdated,
            reconciledUpdatedWarnings,
            reconciledUnchanged,
            reconciledUnchangedWarnings,
            reconciliationErrors,
            disappeared),
        Option.of(error),
        traces);
  }
}
