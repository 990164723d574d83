package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.DirectoryDeletion;
import dev.tokensmith.application.port.in.SynchroOutcome;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.SynchroStore;
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
import dev.tokensmith.domain.synchro.SynchroStatistics;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  static final String ALL_UNTOUCHED =
      "All records have been untouched for some time (all of the objects could be deleted)."
          + " Please check that the process that writes into the synchronization table is still"
          + " running. Operation cancelled.";

  static final String ALREADY_RUNNING =
      "The data source is being synchronized by another run right now (it holds the data source);"
          + " nothing was done. Operation cancelled.";

  private final SynchroStore store;
  private final DirectoryService directory;
  private final Principal actor;
  private final SynchroDataSource source;
  private final DirectoryClass target;
  private final List<String> traces = new ArrayList<>();
  private final Map<Long, Replica> changed = new LinkedHashMap<>();
  private final List<Long> dropped = new ArrayList<>();

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
      SynchroStore store, DirectoryService directory, Principal actor, SynchroDataSource source) {
    this.store = store;
    this.directory = directory;
    this.actor = actor;
    this.source = source;
    this.target = source.scopeClass();
  }

  /** Runs the jobs with {@code unseenLimit}: replicas last seen before it were not in the load. */
  SynchroOutcome run(Instant unseenLimit) {
    if (source.status() == DataSourceStatus.OBSOLETE) {
      return outcome("The data source is marked as obsolete. Operation cancelled.");
    }
    if (!SynchroService.mayRun(actor, source)) {
      return outcome(SynchroService.NOT_ALLOWED);
    }
    if (source.updatedAttributes().isEmpty()) {
      return outcome("There is no attribute to update");
    }
    if (source.reconciliationPolicy() == ReconciliationPolicy.USE_ATTRIBUTES
        && source.reconciliationAttributes().isEmpty()) {
      return outcome("No attribute for reconciliation");
    }
    if (!store.claim(source.id())) {
      return outcome(ALREADY_RUNNING);
    }
    List<Replica> all = store.replicas(source.id());
    replicas = all.size();
    List<Replica> current = new ArrayList<>();
    if (source.deletePolicy().actsOnUnseen()) {
      List<Replica> unseen = all.stream().filter(r -> r.unseenSince(unseenLimit)).toList();
      if (all.size() > PREVENT_DELETE_ALL_ABOVE && unseen.size() == all.size()) {
        return outcome(ALL_UNTOUCHED);
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
    List<Replica> remaining = new ArrayList<>();
    for (Replica replica : current) {
      if (replica.status() == ReplicaStatus.NEW) {
        remaining.add(reconcileNew(replica));
      } else if (replica.status() == ReplicaStatus.MODIFIED
          || (replica.status() == ReplicaStatus.SYNCHRONIZED && !replica.lastWarning().isEmpty())) {
        remaining.add(updateExisting(replica));
      } else {
        remaining.add(replica);
      }
    }
    if (source.deletePolicy().deletesAfterRetention()) {
      Instant retentionLimit = source.retentionLimit(unseenLimit);
      for (Replica replica : remaining) {
        if (replica.status() == ReplicaStatus.OBSOLETE
            && replica.lastSeen().isBefore(retentionLimit)) {
          deleteDestination(replica);
        }
      }
    }
    changed.keySet().removeAll(dropped);
    store.save(source.id(), List.copyOf(changed.values()));
    dropped.forEach(store::delete);
    return outcome(null);
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

  /** Job 2 for a new replica: reconciled, then its object created or updated. */
  private Replica reconcileNew(Replica replica) {
    Either<String, List<DirectoryRecord>> matches = matches(replica);
    if (matches.isLeft()) {
      reconciliationErrors++;
      return keep(replica.failed(matches.getLeft()));
    }
    List<DirectoryRecord> found = matches.get();
    if (found.isEmpty()) {
      switch (source.actionOnZero()) {
        case CREATE:
          return create(replica);
        default:
          reconciliationErrors++;
          return keep(replica.failed("Could not find a match for reconciliation"));
      }
    }
    if (found.size() == 1) {
      switch (source.actionOnOne()) {
        case UPDATE:
          return reconcileWith(replica, found.get(0));
        default:
          reconciliationErrors++;
          return keep(replica.failed("Found a match while expecting none"));
      }
    }
    switch (source.actionOnMultiple()) {
      case TAKE_FIRST:
        return reconcileWith(replica, found.get(0));
      case CREATE:
        return create(replica);
      default:
        reconciliationErrors++;
        return keep(
            replica.failed(
                found.size()
                    + " destination objects match the reconciliation criterias: "
                    + criteriaText(replica)));
    }
  }

  private Replica create(Replica replica) {
    List<String> warnings = new ArrayList<>();
    Map<String, Object> values = values(replica, Option.none(), warnings);
    Either<UseCaseFailure, DirectoryRecord> done = directory.create(actor, target, values);
    if (done.isLeft()) {
      creationErrors++;
      return keep(replica.failed(done.getLeft().message()));
    }
    created++;
    createdWarnings += warnings.size();
    trace(replica, done.get().id(), "Created");
    return keep(replica.synchronizedWith(done.get().id(), true, String.join("; ", warnings)));
  }

  private Replica reconcileWith(Replica replica, DirectoryRecord object) {
    List<String> warnings = new ArrayList<>();
    Map<String, Object> values = values(replica, Option.some(object), warnings);
    if (values.isEmpty()) {
      reconciledUnchanged++;
      reconciledUnchangedWarnings += warnings.size();
      return keep(replica.synchronizedWith(object.id(), false, String.join("; ", warnings)));
    }
    Either<UseCaseFailure, DirectoryRecord> done =
        directory.update(actor, target, object.id(), values);
    if (done.isLeft()) {
      reconciliationErrors++;
      return keep(replica.failed(done.getLeft().message()));
    }
    reconciledUpdated++;
    reconciledUpdatedWarnings += warnings.size();
    trace(replica, object.id(), "Reconciled and updated");
    return keep(replica.synchronizedWith(object.id(), false, String.join("; ", warnings)));
  }

  /** Job 2 for a modified replica (or one with a warning): its object updated. */
  private Replica updateExisting(Replica replica) {
    Option<DirectoryRecord> object = replica.destination().flatMap(this::byId);
    if (object.isEmpty()) {
      updateErrors++;
      return keep(
          replica.withStatus(ReplicaStatus.ORPHAN, "Destination object deleted unexpectedly"));
    }
    List<String> warnings = new ArrayList<>();
    Map<String, Object> values = values(replica, object, warnings);
    long id = object.get().id();
    if (!values.isEmpty()) {
      Either<UseCaseFailure, DirectoryRecord> done = directory.update(actor, target, id, values);
      if (done.isLeft()) {
        updateErrors++;
        return keep(replica.failed(done.getLeft().message()));
      }
      updated++;
      updatedWarnings += warnings.size();
      trace(replica, id, "Updated");
    }
    return keep(replica.synchronizedWith(id, false, String.join("; ", warnings)));
  }

  /** The objects the replica's reconciliation keys match, or why it cannot be reconciled. */
  private Either<String, List<DirectoryRecord>> matches(Replica replica) {
    List<Criteria> all = new ArrayList<>();
    if (source.reconciliationPolicy() == ReconciliationPolicy.USE_PRIMARY_KEY) {
      Option<Long> id = DirectoryText.integer(replica.primaryKey());
      if (id.isEmpty() || id.get() <= 0) {
        return Either.right(List.of());
      }
      all.add(new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(id.get())));
    } else {
      for (SynchroAttribute attribute : source.reconciliationAttributes()) {
        Option<String> value = replica.value(attribute.attcode());
        if (value.isEmpty()) {
          return Either.left(
              "Could not reconcile on null value for attribute '" + attribute.attcode() + "'");
        }
        Object typed = value.get();
        if (attribute.kind() == AttributeKind.EXTERNAL_KEY) {
          Either<String, Long> key = externalKey(attribute, value.get());
          if (key.isLeft()) {
            return Either.left(key.getLeft());
          }
          typed = key.get();
        }
        all.add(
            new Criteria.Comparison(
                attribute.attcode(),
                ComparisonOperator.EQUAL,
                typed instanceof Long number ? Literal.of(number) : Literal.of((String) typed)));
      }
    }
    Criteria criteria = all.size() == 1 ? all.get(0) : new Criteria.And(all);
    Either<UseCaseFailure, List<DirectoryRecord>> found =
        directory.find(actor, new ObjectQuery(target, criteria), Integer.MAX_VALUE, 0);
    return found.mapLeft(UseCaseFailure::message);
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
   * for a new object, reconciled), external keys resolved, each only where {@code object} differs
   * and its update policy lets it write. A key that resolves to nothing is left out with a warning.
   */
  private Map<String, Object> values(
      Replica replica, Option<DirectoryRecord> object, List<String> warnings) {
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
        String current = object.get().field(attribute.attcode());
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

  private Replica keep(Replica replica) {
    changed.put(replica.id(), replica);
    return replica;
  }

  private void drop(Replica replica) {
    dropped.add(replica.id());
  }

  private void trace(Replica replica, long objectId, String message) {
    traces.add(replica.id() + "," + target.className() + "::" + objectId + "," + message);
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
