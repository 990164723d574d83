package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.ExportDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.ImportCommand;
import dev.tokensmith.application.port.in.ImportCommand.ImportColumn;
import dev.tokensmith.application.port.in.ImportDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.ImportReport;
import dev.tokensmith.application.port.in.ImportReport.Outcome;
import dev.tokensmith.application.port.in.ImportReport.RowResult;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.DirectoryStore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
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
  public Either<UseCaseFailure, ImportReport> importObjects(
      Principal actor, ImportCommand command) {
    Objects.requireNonNull(command, "command");
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
        store.inOneTransaction(command.simulate(), () -> new ImportRun(actor, command).rows()));
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

  /** One import: the rows in order, with the external keys found so far. */
  private final class ImportRun {
    private final Principal actor;
    private final ImportCommand command;
    private final DirectoryClass directoryClass;
    private final Map<String, Either<String, Long>> foundKeys = new HashMap<>();

    ImportRun(Principal actor, ImportCommand command) {
      this.actor = actor;
      this.command = command;
      this.directoryClass = command.directoryClass();
    }

    ImportReport rows() {
      List<RowResult> results = new ArrayList<>();
      for (int line = 0; line < command.rows().size(); line++) {
        results.add(row(line, command.rows().get(line)));
      }
      return new ImportReport(results);
    }

    private RowResult row(int line, List<Option<String>> cells) {
      Map<Integer, String> cellIssues = new HashMap<>();
      Map<String, Long> keys = new LinkedHashMap<>();
      Map<String, Option<String>> values = new LinkedHashMap<>();
      Map<String, Integer> columnOf = new HashMap<>();
      Map<String, Map<Integer, String>> lookups = new LinkedHashMap<>();
      for (int column = 0; column < command.columns().size(); column++) {
        ImportColumn spec = command.columns().get(column);
        Option<String> cell = cells.get(column);
        if (spec instanceof ImportColumn.Attribute attribute) {
          values.put(attribute.code(), cell);
          columnOf.put(attribute.code(), column);
        } else if (spec instanceof ImportColumn.Lookup lookup) {
          lookups.computeIfAbsent(lookup.externalKey(), key -> new LinkedHashMap<>());
          if (cell.isDefined() && !cell.get().isEmpty()) {
            lookups.get(lookup.externalKey()).put(column, cell.get());
          }
        } else {
          throw new IllegalArgumentException("no import of " + spec.getClass());
        }
      }
      // external keys found by their lookup columns
      for (Map.Entry<String, Map<Integer, String>> lookup : lookups.entrySet()) {
        String key = lookup.getKey();
        if (lookup.getValue().isEmpty()) {
          continue;
        }
        Either<String, Long> found = find(key, lookup.getValue());
        if (found.isLeft()) {
          lookup.getValue().keySet().forEach(column -> cellIssues.put(column, found.getLeft()));
        } else {
          keys.put(key, found.get());
          values.put(key, Option.some(Long.toString(found.get())));
        }
      }
      if (!cellIssues.isEmpty()) {
        return issue(line, "Unexpected attribute value(s)", cellIssues, keys);
      }
      // reconciliation
      List<Criteria> conditions = new ArrayList<>();
      for (String key : command.reconciliationKeys()) {
        Option<String> value = values.getOrDefault(key, Option.none());
        if (value.isEmpty()) {
          return issue(line, "failed to reconcile", cellIssues, keys);
        }
        conditions.add(
            new Criteria.Comparison(key, ComparisonOperator.EQUAL, Literal.of(value.get())));
      }
      values.remove("id");
      List<DirectoryRecord> matches =
          firstTwo(
              new ObjectQuery(
                  directoryClass,
                  conditions.size() == 1 ? conditions.get(0) : new Criteria.And(conditions)));
      if (matches.size() > 1) {
        return issue(line, "ambiguous reconciliation", cellIssues, keys);
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      values.forEach((code, value) -> value.forEach(given -> fields.put(code, given)));
      if (matches.isEmpty()) {
        if (directoryClass == DirectoryClass.PERSON && !fields.containsKey("org_id")) {
          return issue(
              line,
              "Could not be created, due to missing external key(s): Organization",
              cellIssues,
              keys);
        }
        return written(
            line,
            Outcome.CREATED,
            directory.create(actor, directoryClass, fields),
            cells,
            columnOf,
            keys,
            0,
            Set.of());
      }
      DirectoryRecord existing = matches.get(0);
      Map<String, Object> changed = new LinkedHashMap<>();
      Set<Integer> modified = new TreeSet<>();
      fields.forEach(
          (code, value) -> {
            if (!existing.field(code).equals(String.valueOf(value).strip())) {
              changed.put(code, value);
              Integer column = columnOf.get(code);
              if (column != null) {
                modified.add(column);
              }
            }
          });
      if (changed.isEmpty()) {
        return new RowResult(
            line, Outcome.UNCHANGED, "", existing.id(), 0, cellIssues, Set.of(), keys);
      }
      return written(
          line,
          Outcome.UPDATED,
          directory.update(actor, directoryClass, existing.id(), changed),
          cells,
          columnOf,
          keys,
          changed.size(),
          modified);
    }

    /**
     * At most two of the objects that match. Not {@code find(query, 2, 0)}: its order by id lets
     * PostgreSQL walk the whole table in id order looking for a match that a new row never has,
     * where the export order makes it use the index of the reconciliation key and sort the few
     * matches.
     */
    private List<DirectoryRecord> firstTwo(ObjectQuery query) {
      List<DirectoryRecord> matches = new ArrayList<>(2);
      store.forEachInExportOrder(
          query,
          record -> {
            if (matches.size() < 2) {
              matches.add(record);
            }
          });
      return matches;
    }

    private RowResult written(
        int line,
        Outcome done,
        Either<UseCaseFailure, DirectoryRecord> outcome,
        List<Option<String>> cells,
        Map<String, Integer> columnOf,
        Map<String, Long> keys,
        int changedAttributes,
        Set<Integer> modified) {
      if (outcome.isRight()) {
        long id = command.simulate() && done == Outcome.CREATED ? 0 : outcome.get().id();
        return new RowResult(line, done, "", id, changedAttributes, Map.of(), modified, keys);
      }
      UseCaseFailure failure = outcome.getLeft();
      if (failure instanceof UseCaseFailure.InvalidInput invalid
          && columnOf.containsKey(invalid.field())) {
        int column = columnOf.get(invalid.field());
        return issue(
            line,
            "Unexpected attribute value(s)",
            Map.of(
                column,
                "'"
                    + cells.get(column).getOrElse("")
                    + "' is an invalid value. "
                    + invalid.message()),
            keys);
      }
      return issue(line, failure.message(), Map.of(), keys);
    }

    private RowResult issue(
        int line, String reason, Map<Integer, String> cellIssues, Map<String, Long> keys) {
      return new RowResult(line, Outcome.ISSUE, reason, 0, 0, cellIssues, Set.of(), keys);
    }

    /** The object external key {@code key} points at, found by its lookups, or iTop's message. */
    private Either<String, Long> find(String key, Map<Integer, String> lookups) {
      DirectoryClass target = EXTERNAL_KEYS.get(key);
      List<String> attributes = new ArrayList<>();
      for (Integer column : lookups.keySet()) {
        attributes.add(((ImportColumn.Lookup) command.columns().get(column)).remoteAttribute());
      }
      String cacheKey = key + "\u0000" + attributes + "\u0000" + lookups.values();
      return foundKeys.computeIfAbsent(
          cacheKey,
          ignored -> {
            List<Criteria> conditions = new ArrayList<>();
            int i = 0;
            for (String value : lookups.values()) {
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
            String shown = String.join(" ", lookups.values());
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
}
