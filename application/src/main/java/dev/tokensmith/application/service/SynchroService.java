package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.DeleteSynchroDataSourceUseCase;
import dev.tokensmith.application.port.in.FindSynchroDataSourcesUseCase;
import dev.tokensmith.application.port.in.LoadReplicasCommand;
import dev.tokensmith.application.port.in.LoadReplicasUseCase;
import dev.tokensmith.application.port.in.LoadReport;
import dev.tokensmith.application.port.in.LoadReport.LoadedRow;
import dev.tokensmith.application.port.in.SaveSynchroDataSourceUseCase;
import dev.tokensmith.application.port.in.SynchroOutcome;
import dev.tokensmith.application.port.in.SynchronizeDataSourceUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.Forbidden;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.in.UseCaseFailure.NotFound;
import dev.tokensmith.application.port.out.SynchroStore;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.synchro.Replica;
import dev.tokensmith.domain.synchro.SynchroAttribute;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroLog;
import dev.tokensmith.domain.synchro.SynchroStatistics;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * iTop's data synchronization: data sources administered through rest.php, replicas loaded by
 * {@code synchro_import.php}, and the synchronization of {@code synchro_exec.php} ({@link
 * Synchronization}), which writes Persons and Organizations through the directory service.
 *
 * <p>Rights, as chosen for tokensmith: administrators create and change data sources; a data source
 * is seen by administrators and by its user ({@code user_id}); loading and synchronizing take an
 * administrator or the source's user (iTop's rule), and the objects are written with the actor's
 * directory rights.
 */
public final class SynchroService
    implements FindSynchroDataSourcesUseCase,
        SaveSynchroDataSourceUseCase,
        LoadReplicasUseCase,
        SynchronizeDataSourceUseCase,
        DeleteSynchroDataSourceUseCase {
  /** The longest cell a load accepts, in characters. */
  public static final int MAX_CELL_LENGTH = 65_536;

  /** iTop's sentence (with its spelling) for an actor that may not run a data source. */
  static final String NOT_ALLOWED =
      "Only adminstrators or the user specified in the data source can execute this operation."
          + " Operation cancelled.";

  private final SynchroStore store;
  private final DirectoryService directory;
  private final Clock clock;

  public SynchroService(SynchroStore store, DirectoryService directory, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Either<UseCaseFailure, List<SynchroDataSource>> dataSources(Principal actor) {
    if (actor.profiles().isEmpty()) {
      return Either.left(
          new Forbidden(
              "The current user does not have enough permissions for reading data of class"
                  + " SynchroDataSource"));
    }
    return Either.right(
        store.dataSources().stream().filter(source -> mayRun(actor, source)).toList());
  }

  @Override
  public Either<UseCaseFailure, List<Replica>> replicas(Principal actor, long dataSourceId) {
    return visible(actor, dataSourceId).map(source -> store.replicas(dataSourceId));
  }

  /** The data source {@code dataSourceId} if the actor may see it; NotFound otherwise. */
  private Either<UseCaseFailure, SynchroDataSource> visible(Principal actor, long dataSourceId) {
    return dataSources(actor)
        .flatMap(
            visible ->
                visible.stream()
                    .filter(source -> source.id() == dataSourceId)
                    .findFirst()
                    .map(source -> Either.<UseCaseFailure, SynchroDataSource>right(source))
                    .orElseGet(
                        () ->
                            Either.left(
                                new NotFound(
                                    "Invalid object SynchroDataSource::" + dataSourceId))));
  }

  @Override
  public Either<UseCaseFailure, SynchroDataSource> create(
      Principal actor, Map<String, String> fields, Option<List<Map<String, String>>> list) {
    return administrator(actor, "creating")
        .flatMap(allowed -> SynchroSourceFields.fresh(fields))
        .flatMap(fresh -> SynchroSourceFields.apply(fresh, fields))
        .flatMap(
            source ->
                list.isDefined()
                    ? SynchroSourceFields.withAttributes(source, list.get())
                    : Either.right(source))
        .flatMap(SynchroService::checked)
        .map(store::create);
  }

  @Override
  public Either<UseCaseFailure, SynchroDataSource> update(
      Principal actor,
      long id,
      Map<String, String> fields,
      Option<List<Map<String, String>>> list) {
    return administrator(actor, "modifying")
        .flatMap(allowed -> existing(id))
        .flatMap(existing -> SynchroSourceFields.apply(existing, fields))
        .flatMap(
            source ->
                list.isDefined()
                    ? SynchroSourceFields.withAttributes(source, list.get())
                    : Either.right(source))
        .flatMap(SynchroService::checked)
        .map(store::update);
  }

  @Override
  public Either<UseCaseFailure, SynchroDataSource> delete(
      Principal actor, long id, boolean simulate) {
    return administrator(actor, "deleting")
        .flatMap(allowed -> existing(id))
        .flatMap(
            source ->
                simulate || store.deleteDataSource(id)
                    ? Either.right(source)
                    : Either.left(new NotFound("Invalid object SynchroDataSource::" + id)));
  }

  @Override
  public Either<UseCaseFailure, SynchroDataSource> updateAttribute(
      Principal actor, long attributeId, Map<String, String> fields) {
    Either<UseCaseFailure, Boolean> allowed = administrator(actor, "modifying");
    if (allowed.isLeft()) {
      return Either.left(allowed.getLeft());
    }
    for (SynchroDataSource source : store.dataSources()) {
      List<SynchroAttribute> attributes = new ArrayList<>(source.attributes());
      for (int i = 0; i < attributes.size(); i++) {
        if (attributes.get(i).id() == attributeId) {
          Either<UseCaseFailure, SynchroAttribute> changed =
              SynchroSourceFields.attribute(source.scopeClass(), attributes.get(i), fields);
          if (changed.isLeft()) {
            return Either.left(changed.getLeft());
          }
          attributes.set(i, changed.get());
          return checked(source.stored(source.id(), attributes)).map(store::update);
        }
      }
    }
    return Either.left(new NotFound("Invalid object SynchroAttribute::" + attributeId));
  }

  @Override
  public Either<UseCaseFailure, LoadReport> load(Principal actor, LoadReplicasCommand command) {
    Objects.requireNonNull(command, "command");
    Option<SynchroDataSource> found = store.dataSource(command.dataSourceId());
    if (found.isEmpty()) {
      return Either.left(new NotFound("Unknown data source id: '" + command.dataSourceId() + "'"));
    }
    SynchroDataSource source = found.get();
    if (!mayRun(actor, source)) {
      return Either.left(new Forbidden(NOT_ALLOWED));
    }
    Either<UseCaseFailure, Integer> primaryKey = header(source, command.columns());
    if (primaryKey.isLeft()) {
      return Either.left(primaryKey.getLeft());
    }
    Option<UseCaseFailure> tooLong = tooLong(command);
    if (tooLong.isDefined()) {
      return Either.left(tooLong.get());
    }
    Instant loadStart = clock.instant();
    Option<SynchroLog> log =
        command.synchronize() && !command.simulate()
            ? Option.some(store.saveLog(SynchroLog.running(source.id(), loadStart)))
            : Option.none();
    try {
      return Either.right(
          logged(
              log,
              () ->
                  store.inOneTransaction(
                      command.simulate(),
                      () -> {
                        List<LoadedRow> rows =
                            loadRows(source, command, primaryKey.get(), loadStart);
                        Option<SynchroOutcome> synchronization =
                            command.synchronize()
                                ? Option.some(
                                    new Synchronization(store, directory, actor, source, clock, log)
                                        .run(source.unseenLimitAfterLoad(loadStart)))
                                : Option.none();
                        return new LoadReport(source, rows, synchronization);
                      })));
    } catch (RowRefused refused) {
      return Either.left(refused.failure);
    }
  }

  @Override
  public Either<UseCaseFailure, SynchroOutcome> synchronize(
      Principal actor, long dataSourceId, boolean simulate) {
    Option<SynchroDataSource> found = store.dataSource(dataSourceId);
    if (found.isEmpty()) {
      return Either.left(
          new NotFound("The data source (id=" + dataSourceId + ") does not exist. Exiting..."));
    }
    SynchroDataSource source = found.get();
    Instant now = clock.instant();
    Option<SynchroLog> log =
        simulate ? Option.none() : Option.some(store.saveLog(SynchroLog.running(source.id(), now)));
    return Either.right(
        logged(
            log,
            () ->
                store.inOneTransaction(
                    simulate,
                    () ->
                        new Synchronization(store, directory, actor, source, clock, log)
                            .run(source.unseenLimit(now)))));
  }

  @Override
  public Either<UseCaseFailure, List<SynchroLog>> logs(Principal actor, long dataSourceId) {
    return visible(actor, dataSourceId).map(source -> store.logs(dataSourceId));
  }

  /**
   * Runs {@code work}, the transaction of a run whose log {@code log} was written as running: a
   * load refused before the run leaves no log; a run that fails (rolled back) leaves its log in
   * error.
   */
  private <T> T logged(Option<SynchroLog> log, Supplier<T> work) {
    try {
      return work.get();
    } catch (RowRefused refused) {
      log.forEach(running -> store.deleteLog(running.id()));
      throw refused;
    } catch (RuntimeException failure) {
      for (SynchroLog running : log) {
        try {
          store.saveLog(
              running.ended(
                  clock.instant(),
                  SynchroStatistics.NONE,
                  Option.some("The run failed on the service's side and was rolled back")));
        } catch (RuntimeException again) {
          failure.addSuppressed(again);
        }
      }
      throw failure;
    }
  }

  /** Whether {@code actor} may load and synchronize {@code source} (and see it). */
  static boolean mayRun(Principal actor, SynchroDataSource source) {
    return actor.isAdministrator()
        || actor.userId().exists(id -> id.value() == source.userId() && source.userId() > 0);
  }

  private List<LoadedRow> loadRows(
      SynchroDataSource source, LoadReplicasCommand command, int primaryKey, Instant loadStart) {
    Map<String, Replica> byKey = new LinkedHashMap<>();
    for (Replica replica : store.replicas(source.id())) {
      byKey.put(replica.primaryKey(), replica);
    }
    Set<String> touched = new HashSet<>();
    List<LoadedRow> rows = new ArrayList<>();
    for (int r = 0; r < command.rows().size(); r++) {
      List<Option<String>> cells = command.rows().get(r);
      Option<String> key = cells.get(primaryKey).map(String::strip);
      if (key.isEmpty() || key.get().isEmpty()) {
        String error = "Import error 'primary_key: a value is required'";
        if (!command.continueOnError()) {
          throw new RowRefused(
              new InvalidInput(
                  "primary_key",
                  r
                      + ": "
                      + error
                      + " (send no_stop_on_import_error=1 to go on past such rows); nothing was"
                      + " loaded"));
        }
        rows.add(new LoadedRow(r, key.getOrElse(""), false, Option.some(error)));
        continue;
      }
      Map<String, Option<String>> loaded = new LinkedHashMap<>();
      for (int c = 0; c < cells.size(); c++) {
        if (c != primaryKey) {
          loaded.put(command.columns().get(c), cells.get(c));
        }
      }
      Replica existing = byKey.get(key.get());
      Replica next =
          existing == null
              ? Replica.loaded(key.get(), loaded, loadStart)
              : existing.loadedAgain(loaded, loadStart);
      byKey.put(key.get(), next);
      touched.add(key.get());
      rows.add(new LoadedRow(r, key.get(), existing == null, Option.none()));
    }
    List<Replica> changed = new ArrayList<>();
    for (String key : touched) {
      changed.add(byKey.get(key));
    }
    store.save(source.id(), changed);
    return rows;
  }

  /** The index of {@code primary_key}, or iTop's error for the header. */
  private static Either<UseCaseFailure, Integer> header(
      SynchroDataSource source, List<String> columns) {
    int primaryKey = -1;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      if (!seen.add(column)) {
        return Either.left(
            new InvalidInput("csvdata", "Column '" + column + "' is given twice in the header"));
      }
      if (column.equals(SynchroDataSource.PRIMARY_KEY)) {
        primaryKey = i;
      } else if (!source.columns().contains(column)) {
        return Either.left(
            new InvalidInput(
                "csvdata",
                "Unknown column '"
                    + column
                    + "' (class: '"
                    + source.scopeClass().className()
                    + "')"));
      }
    }
    if (primaryKey < 0) {
      return Either.left(
          new InvalidInput("csvdata", "Missing reconciliation column 'primary_key'"));
    }
    return Either.right(primaryKey);
  }

  private static Option<UseCaseFailure> tooLong(LoadReplicasCommand command) {
    for (int r = 0; r < command.rows().size(); r++) {
      List<Option<String>> cells = command.rows().get(r);
      for (int c = 0; c < cells.size(); c++) {
        int length = cells.get(c).map(String::length).getOrElse(0);
        if (length > MAX_CELL_LENGTH) {
          return Option.some(
              new InvalidInput(
                  "csvdata",
                  "Row "
                      + r
                      + ", column '"
                      + command.columns().get(c)
                      + "': a cell of "
                      + length
                      + " characters is over the limit of "
                      + MAX_CELL_LENGTH
                      + "; nothing was loaded"));
        }
      }
    }
    return Option.none();
  }

  private Either<UseCaseFailure, SynchroDataSource> existing(long id) {
    return store
        .dataSource(id)
        .toEither(() -> (UseCaseFailure) new NotFound("Invalid object SynchroDataSource::" + id));
  }

  private static Either<UseCaseFailure, SynchroDataSource> checked(SynchroDataSource source) {
    return SynchroDataSource.check(source)
        .mapLeft(message -> (UseCaseFailure) new InvalidInput(field(message), message));
  }

  private static String field(String message) {
    int colon = message.indexOf(':');
    return colon > 0 && !message.substring(0, colon).contains(" ")
        ? message.substring(0, colon)
        : "fields";
  }

  private static Either<UseCaseFailure, Boolean> administrator(Principal actor, String doing) {
    return actor.isAdministrator()
        ? Either.right(true)
        : Either.left(
            new Forbidden(
                "The current user does not have enough permissions for "
                    + doing
                    + " data of class SynchroDataSource"));
  }

  /** A row in error in a load that stops on errors: the transaction is rolled back. */
  private static final class RowRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient UseCaseFailure failure;

    RowRefused(UseCaseFailure failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }
}
