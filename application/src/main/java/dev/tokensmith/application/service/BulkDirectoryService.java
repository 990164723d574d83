package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.ExportDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.ImportCommand;
import dev.tokensmith.application.port.in.ImportCommand.ImportColumn;
import dev.tokensmith.application.port.in.ImportDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.ImportReport.Outcome;
import dev.tokensmith.application.port.in.ImportReport.RowResult;
import dev.tokensmith.application.port.in.ImportTotals;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.DirectoryConflict;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.NewOrganization;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.OrganizationChanges;
import dev.tokensmith.application.port.out.PersonChanges;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * iTop's bulk endpoints on the directory: export streams what a query matches, import reconciles
 * rows with existing objects and writes them through the same checks as single writes, in one
 * transaction.
 */
public final class BulkDirectoryService
    implements ExportDirectoryObjectsUseCase, ImportDirectoryObjectsUseCase {
  /** The class each external key points at. */
  static final Map<String, DirectoryClass> EXTERNAL_KEYS =
      Map.of("org_id", DirectoryClass.ORGANIZATION, "contactid", DirectoryClass.PERSON);

  /**
   * Rows an import takes at a time from end to end: read, reconciled in one query, decided, written
   * together, reported; then let go, so that a run holds one batch whatever its size.
   */
  static final int BATCH = 1000;

  /** How many possible values an unmatched lookup suggests, as iTop does. */
  private static final int SUGGESTIONS = 3;

  private final DirectoryStore store;
  private final DirectoryService directory;

  public BulkDirectoryService(DirectoryStore store, DirectoryService directory) {
    this.store = Objects.requireNonNull(store, "store");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public Either<UseCaseFailure, Long> export(
      Principal actor, ObjectQuery query, Consumer<DirectoryRecord> sink) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(sink, "sink");
    return DirectoryService.mayRead(actor, query.directoryClass())
        .flatMap(allowed -> checked(query))
        .map(checked -> store.forEachInExportOrder(checked, sink));
  }

  @Override
  public Either<UseCaseFailure, ImportTotals> importObjects(
      Principal actor, ImportCommand command, Consumer<RowResult> results) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(results, "results");
    DirectoryClass directoryClass = command.directoryClass();
    if (!directoryClass.isWritable()
        || DirectoryService.mayWrite(actor, directoryClass, "modifying").isLeft()) {
      return Either.left(
          new UseCaseFailure.Forbidden(
              "You are not allowed to perform a bulk update of objects of class "
                  + directoryClass.className()));
    }
    Option<UseCaseFailure> unknown = unknownNames(command);
    if (unknown.isDefined()) {
      return Either.left(unknown.get());
    }
    return Either.right(
        store.inOneTransaction(
            command.simulate(), () -> new ImportRun(actor, command).rows(results)));
  }

  /** The first column or key that names nothing of the class, as a failure. */
  private static Option<UseCaseFailure> unknownNames(ImportCommand command) {
    DirectoryClass directoryClass = command.directoryClass();
    for (ImportColumn column : command.columns()) {
      if (column instanceof ImportColumn.Attribute attribute
          && !directoryClass.hasAttribute(attribute.code())) {
        return Option.some(unknown(attribute.code(), directoryClass));
      }
      if (column instanceof ImportColumn.Lookup lookup) {
        DirectoryClass target = EXTERNAL_KEYS.get(lookup.externalKey());
        if (target == null || !directoryClass.hasAttribute(lookup.externalKey())) {
          return Option.some(unknown(lookup.externalKey(), directoryClass));
        }
        if (!target.hasAttribute(lookup.remoteAttribute())) {
          return Option.some(unknown(lookup.remoteAttribute(), target));
        }
      }
    }
    for (String key : command.reconciliationKeys()) {
      if (!directoryClass.hasAttribute(key)) {
        return Option.some(unknown(key, directoryClass));
      }
    }
    return Option.none();
  }

  private static UseCaseFailure unknown(String code, DirectoryClass directoryClass) {
    return new UseCaseFailure.InvalidInput(
        code, "Unknown attribute " + code + " from class " + directoryClass.className());
  }

  private static Either<UseCaseFailure, ObjectQuery> checked(ObjectQuery query) {
    return query
        .checkAttributes()
        .mapLeft(message -> (UseCaseFailure) new UseCaseFailure.InvalidInput("query", message));
  }

  /**
   * One import, {@link #BATCH} rows at a time. For each batch, the rows are read (cells, external
   * keys); the objects of the class that any of them may reconcile with are loaded in one query;
   * each row is decided in order against those objects as the earlier rows left them (an object
   * created or changed by an earlier row of the batch is seen by the later ones, as if each row
   * were written at once); the batch is then written together ({@link
   * DirectoryStore#createPersonIds}, {@link DirectoryStore#updatePersons}, {@link
   * DirectoryStore#createOrganizations}, {@link DirectoryStore#updateOrganizations}), and its
   * results handed on. What a batch wrote is in the run's transaction when the next batch loads its
   * objects, so later batches see it there and nothing of a batch is kept.
   */
  private final class ImportRun {
    private final Principal actor;
    private final ImportCommand command;
    private final DirectoryClass directoryClass;
    private final List<String> reconciliationKeys;
    private final Map<String, Either<String, Long>> foundKeys = new HashMap<>();
    private final Map<Long, Either<UseCaseFailure, Organization>> organizations = new HashMap<>();

    /** Attribute columns by attribute code, and the lookup columns of each external key. */
    private final Map<String, Integer> columnOf = new HashMap<>();

    private final Map<String, List<Integer>> lookupColumns = new LinkedHashMap<>();

    /** The objects of the batch, loaded or created, by id (created ones once written). */
    private final Map<Long, Known> known = new HashMap<>();

    /** The objects of the batch by their reconciliation keys. */
    private final ReconciliationIndex index;

    /** Persons decided but not yet written, in the order of their rows. */
    private final Map<Known, NewPerson> creations = new LinkedHashMap<>();

    private final Map<Long, PersonChanges> changes = new LinkedHashMap<>();

    /** Organizations decided but not yet written, in the order of their rows. */
    private final Map<Known, NewOrganization> newOrganizations = new LinkedHashMap<>();

    private final Map<Long, OrganizationChanges> organizationChanges = new LinkedHashMap<>();

    /**
     * The organizations that hold the names the batch's rows give, exactly, as the rows decided so
     * far leave them (names are unique); and the names renamed away from that the database still
     * holds until the batch is written.
     */
    private final Map<String, Known> holders = new HashMap<>();

    private final Set<String> freedNames = new HashSet<>();

    /** Objects an update found gone when it was written. */
    private final Set<Long> vanished = new HashSet<>();

    private long created;
    private long updated;
    private long unchanged;
    private long issues;
    private long warnings;

    ImportRun(Principal actor, ImportCommand command) {
      this.actor = actor;
      this.command = command;
      this.directoryClass = command.directoryClass();
      this.reconciliationKeys = command.reconciliationKeys();
      this.index = new ReconciliationIndex(directoryClass, reconciliationKeys);
      for (int column = 0; column < command.columns().size(); column++) {
        ImportColumn spec = command.columns().get(column);
        if (spec instanceof ImportColumn.Attribute attribute) {
          columnOf.put(attribute.code(), column);
        } else if (spec instanceof ImportColumn.Lookup lookup) {
          lookupColumns.computeIfAbsent(lookup.externalKey(), key -> new ArrayList<>()).add(column);
        } else {
          throw new IllegalArgumentException("no import of " + spec.getClass());
        }
      }
    }

    ImportTotals rows(Consumer<RowResult> sink) {
      Iterator<List<Option<String>>> cells = command.rows().iterator();
      int line = 0;
      while (cells.hasNext()) {
        List<Row> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && cells.hasNext()) {
          List<Option<String>> row = cells.next();
          if (row.size() != command.columns().size()) {
            throw new IllegalArgumentException("every row has one cell per column");
          }
          batch.add(read(line++, row));
        }
        load(batch);
        List<Supplier<RowResult>> results = new ArrayList<>(batch.size());
        for (Row row : batch) {
          results.add(decide(row));
        }
        write();
        for (Supplier<RowResult> result : results) {
          RowResult done = result.get();
          count(done);
          sink.accept(done);
        }
        known.clear();
        index.clear();
        holders.clear();
        vanished.clear();
      }
      return new ImportTotals(created, updated, unchanged, issues, warnings);
    }

    private void count(RowResult result) {
      switch (result.outcome()) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case ISSUE -> issues++;
        default -> throw new IllegalArgumentException("no count of " + result.outcome());
      }
      if (result.outcome() != Outcome.ISSUE) {
        warnings += result.cellIssues().size();
      }
    }

    /** A row read: its values by attribute, or its issue when it cannot be reconciled. */
    private final class Row {
      final int line;
      final List<Option<String>> cells;
      Map<Integer, String> cellIssues = Map.of();
      Map<String, Long> keys = Map.of();
      final Map<String, Option<String>> values = new LinkedHashMap<>();
      final List<String> reconciledOn = new ArrayList<>(reconciliationKeys.size());
      RowResult issue;

      Row(int line, List<Option<String>> cells) {
        this.line = line;
        this.cells = cells;
      }
    }

    private Row read(int line, List<Option<String>> cells) {
      Row row = new Row(line, cells);
      for (int column = 0; column < cells.size(); column++) {
        if (command.columns().get(column) instanceof ImportColumn.Attribute attribute) {
          row.values.put(attribute.code(), cells.get(column));
        }
      }
      // external keys found by their lookup columns
      for (Map.Entry<String, List<Integer>> lookup : lookupColumns.entrySet()) {
        String key = lookup.getKey();
        List<Integer> given = new ArrayList<>(lookup.getValue().size());
        for (int column : lookup.getValue()) {
          Option<String> cell = cells.get(column);
          if (cell.isDefined() && !cell.get().isEmpty()) {
            given.add(column);
          }
        }
        if (given.isEmpty()) {
          continue;
        }
        Either<String, Long> found = find(key, given, cells);
        if (found.isLeft()) {
          if (row.cellIssues.isEmpty()) {
            row.cellIssues = new HashMap<>();
          }
          given.forEach(column -> row.cellIssues.put(column, found.getLeft()));
        } else {
          if (row.keys.isEmpty()) {
            row.keys = new LinkedHashMap<>();
          }
          row.keys.put(key, found.get());
          row.values.put(key, Option.some(Long.toString(found.get())));
        }
      }
      if (!row.cellIssues.isEmpty()) {
        row.issue = issue(line, "Unexpected attribute value(s)", row.cellIssues, row.keys);
        return row;
      }
      for (String key : reconciliationKeys) {
        Option<String> value = row.values.getOrDefault(key, Option.none());
        if (value.isEmpty()) {
          row.issue = issue(line, "failed to reconcile", row.cellIssues, row.keys);
          return row;
        }
        row.reconciledOn.add(value.get());
      }
      row.values.remove("id");
      return row;
    }

    /**
     * Loads every object that matches the keys of some row of the batch, in one query: the objects
     * whose each key is one of the batch's values of it (a few more than match, never fewer).
     */
    private void load(List<Row> batch) {
      List<Row> reconcilable = new ArrayList<>(batch.size());
      for (Row row : batch) {
        if (row.issue == null) {
          reconcilable.add(row);
        }
      }
      if (reconcilable.isEmpty()) {
        return;
      }
      List<Criteria> conditions = new ArrayList<>();
      for (int k = 0; k < reconciliationKeys.size(); k++) {
        Set<String> values = new LinkedHashSet<>();
        for (Row row : reconcilable) {
          values.add(row.reconciledOn.get(k));
        }
        List<Literal> literals = new ArrayList<>(values.size());
        values.forEach(value -> literals.add(Literal.of(value)));
        conditions.add(new Criteria.In(reconciliationKeys.get(k), literals, false));
      }
      store.forEachInExportOrder(
          new ObjectQuery(
              directoryClass,
              conditions.size() == 1 ? conditions.get(0) : new Criteria.And(conditions)),
          record -> {
            if (!known.containsKey(record.id())) {
              Known object = new Known(record.id(), record.fields());
              known.put(record.id(), object);
              index.add(object);
            }
          });
      if (directoryClass == DirectoryClass.ORGANIZATION) {
        Set<String> names = new HashSet<>();
        for (Row row : reconcilable) {
          row.values.getOrDefault("name", Option.none()).forEach(name -> names.add(name.strip()));
        }
        store
            .organizationIdsNamed(names)
            .forEach(
                (name, id) -> holders.put(name, known.getOrDefault(id, new Known(id, Map.of()))));
      }
    }

    private Supplier<RowResult> decide(Row row) {
      if (row.issue != null) {
        RowResult issue = row.issue;
        return () -> issue;
      }
      List<Known> matches = matches(row);
      if (matches.size() > 1) {
        return issue(row, "ambiguous reconciliation");
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      row.values.forEach((code, value) -> value.forEach(given -> fields.put(code, given)));
      if (matches.isEmpty()) {
        if (directoryClass == DirectoryClass.PERSON && !fields.containsKey("org_id")) {
          return issue(row, "Could not be created, due to missing external key(s): Organization");
        }
        return directoryClass == DirectoryClass.PERSON
            ? createPerson(row, fields)
            : createOrganization(row, fields);
      }
      Known existing = matches.get(0);
      Map<String, Object> changed = new LinkedHashMap<>();
      Set<Integer> modified = new TreeSet<>();
      fields.forEach(
          (code, value) -> {
            if (!existing.fields.get(code).equals(String.valueOf(value).strip())) {
              changed.put(code, value);
              Integer column = columnOf.get(code);
              if (column != null) {
                modified.add(column);
              }
            }
          });
      if (changed.isEmpty()) {
        return () ->
            new RowResult(
                row.line,
                Outcome.UNCHANGED,
                "",
                existing.id,
                0,
                row.cellIssues,
                Set.of(),
                row.keys);
      }
      if (directoryClass == DirectoryClass.PERSON) {
        return updatePerson(row, existing, changed, modified);
      }
      return updateOrganization(row, existing, changed, modified);
    }

    /** The known objects that match the row's keys. */
    private List<Known> matches(Row row) {
      if (!creations.isEmpty() && reconciliationKeys.contains("id")) {
        // ids are given when persons are written: a row may name the id of an earlier row's
        write();
      }
      return index.matches(row.reconciledOn);
    }

    /** Checks a person to create as {@link DirectoryService#create} does; written later. */
    private Supplier<RowResult> createPerson(Row row, Map<String, Object> fields) {
      Either<UseCaseFailure, NewPerson> checked =
          DirectoryService.mayWrite(actor, DirectoryClass.PERSON, "creating")
              .flatMap(allowed -> DirectoryFields.read(DirectoryClass.PERSON, fields))
              .flatMap(
                  read -> {
                    Option<UseCaseFailure> missing =
                        read.missing("first_name", "name", "email", "org_id");
                    if (missing.isDefined()) {
                      return Either.left(missing.get());
                    }
                    return organization(read.organizationId().get())
                        .map(
                            organization ->
                                new NewPerson(
                                    read.text("first_name").get(),
                                    read.text("name").get(),
                                    read.text("email").get(),
                                    read.text("phone").filter(phone -> !phone.isEmpty()),
                                    read.text("status").getOrElse(DirectoryRecord.ACTIVE),
                                    organization));
                  });
      if (checked.isLeft()) {
        RowResult failed = failed(row, checked.getLeft());
        return () -> failed;
      }
      NewPerson person = checked.get();
      Known created = new Known(0, personFields(0, person));
      creations.put(created, person);
      index.add(created);
      return () -> createdResult(row, created);
    }

    /** Checks a change of a person as {@link DirectoryService#update} does; written later. */
    private Supplier<RowResult> updatePerson(
        Row row, Known existing, Map<String, Object> changed, Set<Integer> modified) {
      Either<UseCaseFailure, PersonChanges> checked =
          DirectoryService.mayWrite(actor, DirectoryClass.PERSON, "modifying")
              .flatMap(allowed -> DirectoryFields.read(DirectoryClass.PERSON, changed))
              .flatMap(
                  read -> {
                    Either<UseCaseFailure, Option<Organization>> organization =
                        read.organizationId().isEmpty()
                            ? Either.right(Option.none())
                            : organization(read.organizationId().get()).map(Option::some);
                    return organization.map(
                        found ->
                            new PersonChanges(
                                read.text("first_name"),
                                read.text("name"),
                                read.text("email"),
                                read.text("phone"),
                                read.text("status"),
                                found.map(Organization::id)));
                  });
      if (checked.isLeft()) {
        RowResult failed = failed(row, checked.getLeft());
        return () -> failed;
      }
      PersonChanges change = checked.get();
      Map<String, String> before = existing.fields;
      String phoneBefore = before.get("phone");
      Option<String> phone =
          change.phoneAfter(phoneBefore.isEmpty() ? Option.none() : Option.some(phoneBefore));
      Organization organization =
          checked
              .get()
              .organization()
              .map(id -> organizations.get(id.value()).get())
              .getOrElse(
                  () ->
                      new Organization(
                          new OrganizationId(Long.parseLong(before.get("org_id"))),
                          before.get("org_name")));
      NewPerson after =
          new NewPerson(
              change.firstName().getOrElse(before.get("first_name")),
              change.name().getOrElse(before.get("name")),
              change.email().getOrElse(before.get("email")),
              phone,
              change.status().getOrElse(before.get("status")),
              organization);
      index.remove(existing);
      existing.fields = personFields(existing.id, after);
      index.add(existing);
      if (existing.id == 0) {
        creations.put(existing, after);
      } else {
        changes.merge(existing.id, change, BulkDirectoryService::later);
      }
      return () ->
          vanished.contains(existing.id)
              ? gone(row, existing)
              : updatedResult(row, existing, changed.size(), modified);
    }

    /** Writes the persons decided so far: the creations in row order, then the changes. */
    private void write() {
      if (!creations.isEmpty()) {
        List<Known> objects = new ArrayList<>(creations.keySet());
        long[] ids = store.createPersonIds(new ArrayList<>(creations.values()));
        creations.clear();
        for (int i = 0; i < objects.size(); i++) {
          written(objects.get(i), ids[i]);
        }
      }
      if (!changes.isEmpty()) {
        vanished.addAll(store.updatePersons(changes));
        changes.clear();
      }
      if (!newOrganizations.isEmpty()) {
        List<Known> objects = new ArrayList<>(newOrganizations.keySet());
        List<Option<Long>> ids =
            store.createOrganizations(new ArrayList<>(newOrganizations.values()));
        newOrganizations.clear();
        for (int i = 0; i < objects.size(); i++) {
          Known object = objects.get(i);
          ids.get(i).forEach(id -> written(object, id));
        }
      }
      if (!organizationChanges.isEmpty()) {
        vanished.addAll(store.updateOrganizations(organizationChanges));
        organizationChanges.clear();
      }
      freedNames.clear();
    }

    /** An object created by an earlier row, known by its id {@code id} once written. */
    private void written(Known object, long id) {
      index.remove(object);
      object.id = id;
      object.fields.put("id", Long.toString(id));
      known.put(id, object);
      index.add(object);
    }

    /**
     * Checks an organization to create as {@link DirectoryService#create} does, its name free among
     * the organizations as the earlier rows left them; written later.
     */
    private Supplier<RowResult> createOrganization(Row row, Map<String, Object> fields) {
      Either<UseCaseFailure, NewOrganization> checked =
          DirectoryService.mayWrite(actor, DirectoryClass.ORGANIZATION, "creating")
              .flatMap(allowed -> DirectoryFields.read(DirectoryClass.ORGANIZATION, fields))
              .flatMap(
                  read -> {
                    Option<UseCaseFailure> missing = read.missing("name");
                    if (missing.isDefined()) {
                      return Either.left(missing.get());
                    }
                    String name = read.text("name").get();
                    return free(name, null)
                        ? Either.right(
                            new NewOrganization(
                                name, read.text("status").getOrElse(DirectoryRecord.ACTIVE)))
                        : Either.left(nameTaken(name));
                  });
      if (checked.isLeft()) {
        RowResult failed = failed(row, checked.getLeft());
        return () -> failed;
      }
      NewOrganization organization = checked.get();
      Known created =
          new Known(0, organizationFields(0, organization.name(), organization.status()));
      newOrganizations.put(created, organization);
      holders.put(organization.name(), created);
      index.add(created);
      return () ->
          created.id == 0
              // another transaction took the name meanwhile
              ? failed(row, nameTaken(organization.name()))
              : createdResult(row, created);
    }

    /**
     * Checks a change of an organization as {@link DirectoryService#update} does, a new name free
     * among the organizations as the earlier rows left them; written later.
     */
    private Supplier<RowResult> updateOrganization(
        Row row, Known existing, Map<String, Object> changed, Set<Integer> modified) {
      String before = existing.fields.get("name");
      Either<UseCaseFailure, OrganizationChanges> checked =
          DirectoryService.mayWrite(actor, DirectoryClass.ORGANIZATION, "modifying")
              .flatMap(allowed -> DirectoryFields.read(DirectoryClass.ORGANIZATION, changed))
              .flatMap(
                  read -> {
                    Option<String> name = read.text("name").filter(after -> !after.equals(before));
                    if (name.isDefined() && !free(name.get(), existing)) {
                      return Either.left(nameTaken(name.get()));
                    }
                    return Either.right(new OrganizationChanges(name, read.text("status")));
                  });
      if (checked.isLeft()) {
        RowResult failed = failed(row, checked.getLeft());
        return () -> failed;
      }
      OrganizationChanges change = checked.get();
      String name = change.name().getOrElse(before);
      String status = change.status().getOrElse(existing.fields.get("status"));
      index.remove(existing);
      existing.fields = organizationFields(existing.id, name, status);
      index.add(existing);
      if (change.name().isDefined()) {
        if (holders.get(before) == existing) {
          holders.remove(before);
        }
        holders.put(name, existing);
        if (existing.id != 0) {
          freedNames.add(before);
        }
      }
      if (existing.id == 0) {
        newOrganizations.put(existing, new NewOrganization(name, status));
      } else {
        organizationChanges.merge(existing.id, change, OrganizationChanges::then);
      }
      return () ->
          vanished.contains(existing.id) || existing.id == 0
              ? gone(row, existing)
              : updatedResult(row, existing, changed.size(), modified);
    }

    private RowResult createdResult(Row row, Known created) {
      return new RowResult(
          row.line,
          Outcome.CREATED,
          "",
          command.simulate() ? 0 : created.id,
          0,
          Map.of(),
          Set.of(),
          row.keys);
    }

    private RowResult updatedResult(Row row, Known existing, int changes, Set<Integer> modified) {
      return new RowResult(
          row.line, Outcome.UPDATED, "", existing.id, changes, Map.of(), modified, row.keys);
    }

    /** The issue of a row whose object was found gone when written. */
    private RowResult gone(Row row, Known existing) {
      return issue(
          row.line,
          "Invalid object " + directoryClass.className() + "::" + existing.id,
          Map.of(),
          row.keys);
    }

    /**
     * Whether no organization but {@code self} holds {@code name}; a name another row of the batch
     * renamed away from is first let go of in the database (the batch so far is written).
     */
    private boolean free(String name, Known self) {
      if (freedNames.contains(name)) {
        write();
      }
      Known holder = holders.get(name);
      return holder == null
          || holder == self
          || (self != null && self.id != 0 && holder.id == self.id);
    }

    /** The organization of id {@code id}, read once per run. */
    private Either<UseCaseFailure, Organization> organization(long id) {
      return organizations.computeIfAbsent(id, directory::organization);
    }

    /** A write refused: iTop's issue for the row, on the cell of the attribute when it has one. */
    private RowResult failed(Row row, UseCaseFailure failure) {
      if (failure instanceof UseCaseFailure.InvalidInput invalid
          && columnOf.containsKey(invalid.field())) {
        int column = columnOf.get(invalid.field());
        return issue(
            row.line,
            "Unexpected attribute value(s)",
            Map.of(
                column,
                "'"
                    + row.cells.get(column).getOrElse("")
                    + "' is an invalid value. "
                    + invalid.message()),
            row.keys);
      }
      return issue(row.line, failure.message(), Map.of(), row.keys);
    }

    private Supplier<RowResult> issue(Row row, String reason) {
      RowResult issue = issue(row.line, reason, row.cellIssues, row.keys);
      return () -> issue;
    }

    private RowResult issue(
        int line, String reason, Map<Integer, String> cellIssues, Map<String, Long> keys) {
      return new RowResult(line, Outcome.ISSUE, reason, 0, 0, cellIssues, Set.of(), keys);
    }

    /**
     * The object external key {@code key} points at, found by the values of its lookup {@code
     * columns} in {@code cells}, or iTop's message; asked once per run for the same values.
     */
    private Either<String, Long> find(
        String key, List<Integer> columns, List<Option<String>> cells) {
      StringBuilder cacheKey = new StringBuilder(key);
      for (int column : columns) {
        cacheKey.append('\u0000').append(column).append('\u0000').append(cells.get(column).get());
      }
      return foundKeys.computeIfAbsent(
          cacheKey.toString(),
          ignored -> {
            DirectoryClass target = EXTERNAL_KEYS.get(key);
            List<String> attributes = new ArrayList<>(columns.size());
            List<String> values = new ArrayList<>(columns.size());
            for (int column : columns) {
              attributes.add(
                  ((ImportColumn.Lookup) command.columns().get(column)).remoteAttribute());
              values.add(cells.get(column).get());
            }
            List<Criteria> conditions = new ArrayList<>();
            int i = 0;
            for (String value : values) {
              conditions.add(
                  new Criteria.Comparison(
                      attributes.get(i++), ComparisonOperator.EQUAL, Literal.of(value)));
            }
            Criteria criteria =
                conditions.size() == 1 ? conditions.get(0) : new Criteria.And(conditions);
            List<DirectoryRecord> found = store.find(new ObjectQuery(target, criteria), 2, 0);
            if (found.size() == 1) {
              return Either.right(found.get(0).id());
            }
            String shown = String.join(" ", values);
            if (found.isEmpty()) {
              String possible =
                  store.find(ObjectQuery.all(target), SUGGESTIONS, 0).stream()
                      .map(DirectoryRecord::friendlyName)
                      .sorted(DirectoryText::compare)
                      .collect(Collectors.joining(", "));
              return Either.left(
                  "No match for value '"
                      + shown
                      + "'. Some possible '"
                      + target.className()
                      + "' value(s): "
                      + possible
                      + "...");
            }
            long all = store.count(new ObjectQuery(target, criteria));
            return Either.left("Ambiguous: found " + all + " objects");
          });
    }
  }

  private static UseCaseFailure nameTaken(String name) {
    DirectoryConflict conflict = new DirectoryConflict(DirectoryClass.ORGANIZATION, "name", name);
    return new UseCaseFailure.Conflict(conflict.attribute(), conflict.message());
  }

  /** An organization's fields as {@link DirectoryRecord#organization} renders them. */
  private static Map<String, String> organizationFields(long id, String name, String status) {
    Map<String, String> fields = new HashMap<>(8);
    fields.put("id", Long.toString(id));
    fields.put("name", name);
    fields.put("status", status);
    fields.put("friendlyname", name);
    return fields;
  }

  /** Two changes of one person made in a run, as one: the later one's fields win. */
  static PersonChanges later(PersonChanges earlier, PersonChanges later) {
    return new PersonChanges(
        later.firstName().orElse(earlier.firstName()),
        later.name().orElse(earlier.name()),
        later.email().orElse(earlier.email()),
        later.phone().orElse(earlier.phone()),
        later.status().orElse(earlier.status()),
        later.organization().orElse(earlier.organization()));
  }

  /**
   * A person's fields as {@link DirectoryRecord#person} renders them, {@code id} 0 if not known (a
   * map that {@link ImportRun#write} completes with the id).
   */
  static Map<String, String> personFields(long id, NewPerson person) {
    Map<String, String> fields = new HashMap<>(16);
    fields.put("id", Long.toString(id));
    fields.put("name", person.name());
    fields.put("first_name", person.firstName());
    fields.put("email", person.email());
    fields.put("phone", person.phone().getOrElse(""));
    fields.put("status", person.status());
    fields.put("org_id", Long.toString(person.organization().id().value()));
    fields.put("org_name", person.organization().name());
    fields.put("friendlyname", person.firstName() + " " + person.name());
    return fields;
  }
}
