package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.SynchroStore;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.synchro.ActionOnMultiple;
import dev.tokensmith.domain.synchro.ActionOnOne;
import dev.tokensmith.domain.synchro.ActionOnZero;
import dev.tokensmith.domain.synchro.AttributeKind;
import dev.tokensmith.domain.synchro.DataSourceStatus;
import dev.tokensmith.domain.synchro.DeletePolicy;
import dev.tokensmith.domain.synchro.ReconciliationPolicy;
import dev.tokensmith.domain.synchro.Replica;
import dev.tokensmith.domain.synchro.ReplicaStatus;
import dev.tokensmith.domain.synchro.SynchroAttribute;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroLog;
import dev.tokensmith.domain.synchro.SynchroLogStatus;
import dev.tokensmith.domain.synchro.SynchroStatistics;
import dev.tokensmith.domain.synchro.UpdatePolicy;
import io.vavr.control.Option;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link SynchroStore} on PostgreSQL (tables of V12): data sources, their attributes, and replicas
 * whose values are two parallel text arrays. Shares the directory store's connection handling, so
 * that {@link #inOneTransaction} also holds the directory writes made meanwhile.
 */
public final class JdbiSynchroStore implements SynchroStore {
  static final String SOURCES =
      """
      SELECT id, name, description, status, user_id, notify_contact_id, scope_class,
             database_table_name, scope_restriction, full_load_periodicity, reconciliation_policy,
             action_on_zero, action_on_one, action_on_multiple, delete_policy, delete_policy_update,
             delete_policy_retention, user_delete_policy, url_icon, url_application
      FROM synchro_data_sources
      """;

  static final String ATTRIBUTES =
      """
      SELECT id, sync_source_id, attcode, finalclass, "update", reconcile, update_policy,
             reconciliation_attcode
      FROM synchro_attributes
      """;

  static final String INSERT_SOURCE =
      """
      INSERT INTO synchro_data_sources (name, description, status, user_id, notify_contact_id,
        scope_class, database_table_name, scope_restriction, full_load_periodicity,
        reconciliation_policy, action_on_zero, action_on_one, action_on_multiple, delete_policy,
        delete_policy_update, delete_policy_retention, user_delete_policy, url_icon,
        url_application)
      VALUES (:name, :description, :status, :userId, :notifyContactId, :scopeClass,
        :databaseTableName, :scopeRestriction, :fullLoadPeriodicity, :reconciliationPolicy,
        :actionOnZero, :actionOnOne, :actionOnMultiple, :deletePolicy, :deletePolicyUpdate,
        :deletePolicyRetention, :userDeletePolicy, :urlIcon, :urlApplication)
      RETURNING id
      """;

  static final String UPDATE_SOURCE =
      """
      UPDATE synchro_data_sources SET name = :name, description = :description, status = :status,
        user_id = :userId, notify_contact_id = :notifyContactId,
        database_table_name = :databaseTableName, scope_restriction = :scopeRestriction,
        full_load_periodicity = :fullLoadPeriodicity, reconciliation_policy = :reconciliationPolicy,
        action_on_zero = :actionOnZero, action_on_one = :actionOnOne,
        action_on_multiple = :actionOnMultiple, delete_policy = :deletePolicy,
        delete_policy_update = :deletePolicyUpdate,
        delete_policy_retention = :deletePolicyRetention, user_delete_policy = :userDeletePolicy,
        url_icon = :urlIcon, url_application = :urlApplication
      WHERE id = :id
      """;

  static final String UPSERT_ATTRIBUTE =
      """
      INSERT INTO synchro_attributes (sync_source_id, attcode, finalclass, "update", reconcile,
        update_policy, reconciliation_attcode)
      VALUES (:source, :attcode, :finalclass, :update, :reconcile, :updatePolicy, :reconciliationAttcode)
      ON CONFLICT (sync_source_id, attcode) DO UPDATE SET finalclass = EXCLUDED.finalclass,
        "update" = EXCLUDED."update", reconcile = EXCLUDED.reconcile,
        update_policy = EXCLUDED.update_policy,
        reconciliation_attcode = EXCLUDED.reconciliation_attcode
      """;

  static final String CLAIM =
      """
      SELECT id FROM synchro_data_sources WHERE id = :id FOR UPDATE SKIP LOCKED
      """;

  static final String REPLICAS =
      """
      SELECT id, primary_key, value_columns, value_texts, status, dest_id, status_last_seen,
             status_dest_creator, status_last_error, status_last_warning
      FROM synchro_replicas WHERE sync_source_id = :source ORDER BY id
      """;

  static final String INSERT_REPLICA =
      """
      INSERT INTO synchro_replicas (sync_source_id, primary_key, value_columns, value_texts, status,
        dest_id, status_last_seen, status_dest_creator, status_last_error, status_last_warning)
      VALUES (:source, :primaryKey, :columns, :texts, :status, :destination, :lastSeen,
        :creator, :lastError, :lastWarning)
      """;

  static final String UPDATE_REPLICA =
      """
      UPDATE synchro_replicas SET value_columns = :columns, value_texts = :texts, status = :status,
        dest_id = :destination, status_last_seen = :lastSeen, status_dest_creator = :creator,
        status_last_error = :lastError, status_last_warning = :lastWarning
      WHERE id = :id AND sync_source_id = :source
      """;

  static final String LOGS =
      """
      SELECT id, sync_source_id, start_date, end_date, status, counters, last_error
      FROM synchro_logs WHERE sync_source_id = :source ORDER BY id
      """;

  static final String INSERT_LOG =
      """
      INSERT INTO synchro_logs (sync_source_id, start_date, end_date, status, counters, last_error)
      VALUES (:source, :start, :end, :status, :counters, :lastError)
      RETURNING id
      """;

  static final String UPDATE_LOG =
      """
      UPDATE synchro_logs SET start_date = :start, end_date = :end, status = :status,
        counters = :counters, last_error = :lastError
      WHERE id = :id AND sync_source_id = :source
      """;

  private final Storage storage;

  JdbiSynchroStore(Storage storage) {
    this.storage = storage;
  }

  @Override
  public <T> T inOneTransaction(boolean rollback, Supplier<T> work) {
    return storage.inOneTransaction(rollback, work);
  }

  @Override
  public List<SynchroDataSource> dataSources() {
    return storage.read(handle -> sources(handle, " ORDER BY id", Map.of()));
  }

  @Override
  public Option<SynchroDataSource> dataSource(long id) {
    return Option.ofOptional(
        storage.read(handle -> sources(handle, " WHERE id = :id", Map.of("id", id))).stream()
            .findFirst());
  }

  @Override
  public SynchroDataSource create(SynchroDataSource source) {
    return storage.durably(
        handle -> {
          long id =
              handle.createQuery(INSERT_SOURCE).bindMap(fields(source)).mapTo(Long.class).one();
          writeAttributes(handle, id, source.attributes());
          return sources(handle, " WHERE id = :id", Map.of("id", id)).get(0);
        });
  }

  @Override
  public SynchroDataSource update(SynchroDataSource source) {
    return storage.durably(
        handle -> {
          Map<String, Object> fields = fields(source);
          fields.put("id", source.id());
          handle.createUpdate(UPDATE_SOURCE).bindMap(fields).execute();
          List<String> kept = source.attributes().stream().map(SynchroAttribute::attcode).toList();
          handle
              .createUpdate(
                  "DELETE FROM synchro_attributes WHERE sync_source_id = :source"
                      + " AND NOT (attcode = ANY(:kept))")
              .bind("source", source.id())
              .bind("kept", kept.toArray(new String[0]))
              .execute();
          writeAttributes(handle, source.id(), source.attributes());
          return sources(handle, " WHERE id = :id", Map.of("id", source.id())).get(0);
        });
  }

  @Override
  public boolean claim(long id) {
    return storage.read(
        handle -> {
          if (!handle.isInTransaction()) {
            throw new IllegalStateException("a data source is held only inside a transaction");
          }
          return handle.createQuery(CLAIM).bind("id", id).mapTo(Long.class).findOne().isPresent();
        });
  }

  @Override
  public List<Replica> replicas(long sourceId) {
    return storage.read(
        handle ->
            handle
                .createQuery(REPLICAS)
                .bind("source", sourceId)
                .map((row, context) -> replica(row))
                .list());
  }

  @Override
  public List<Replica> save(long sourceId, List<Replica> replicas) {
    if (replicas.isEmpty()) {
      return List.of();
    }
    return storage.durably(
        handle -> {
          List<Replica> fresh = replicas.stream().filter(r -> r.id() == 0).toList();
          List<Replica> known = replicas.stream().filter(r -> r.id() != 0).toList();
          List<Replica> saved = new ArrayList<>(known);
          if (!known.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(UPDATE_REPLICA);
            for (Replica replica : known) {
              bindReplica(batch, sourceId, replica).bind("id", replica.id()).add();
            }
            batch.execute();
          }
          if (!fresh.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(INSERT_REPLICA);
            for (Replica replica : fresh) {
              bindReplica(batch, sourceId, replica).add();
            }
            List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
            for (int i = 0; i < fresh.size(); i++) {
              saved.add(fresh.get(i).withId(ids.get(i)));
            }
          }
          return saved;
        });
  }

  @Override
  public void delete(List<Long> replicaIds) {
    if (replicaIds.isEmpty()) {
      return;
    }
    storage.durably(
        handle ->
            handle
                .createUpdate("DELETE FROM synchro_replicas WHERE id = ANY(:ids)")
                .bind("ids", replicaIds.toArray(new Long[0]))
                .execute());
  }

  private static PreparedBatch bindReplica(PreparedBatch batch, long sourceId, Replica replica) {
    String[] columns = replica.values().keySet().toArray(new String[0]);
    String[] texts = replica.values().values().toArray(new String[0]);
    return batch
        .bind("source", sourceId)
        .bind("primaryKey", replica.primaryKey())
        .bind("columns", columns)
        .bind("texts", texts)
        .bind("status", replica.status().code())
        .bind("destination", replica.destination().getOrNull())
        .bind("lastSeen", replica.lastSeen())
        .bind("creator", replica.destinationCreator())
        .bind("lastError", replica.lastError())
        .bind("lastWarning", replica.lastWarning());
  }

  private static Replica replica(ResultSet row) throws SQLException {
    String[] columns = strings(row.getArray("value_columns"));
    String[] texts = strings(row.getArray("value_texts"));
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < columns.length; i++) {
      values.put(columns[i], texts[i]);
    }
    long destination = row.getLong("dest_id");
    Option<Long> dest = row.wasNull() ? Option.none() : Option.some(destination);
    return new Replica(
        row.getLong("id"),
        row.getString("primary_key"),
        values,
        ReplicaStatus.byCode(row.getString("status")).get(),
        dest,
        row.getObject("status_last_seen", OffsetDateTime.class).toInstant(),
        row.getBoolean("status_dest_creator"),
        row.getString("status_last_error"),
        row.getString("status_last_warning"));
  }

  private static String[] strings(Array array) throws SQLException {
    return (String[]) array.getArray();
  }

  private static void writeAttributes(Handle handle, long sourceId, List<SynchroAttribute> list) {
    if (list.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(UPSERT_ATTRIBUTE);
    for (SynchroAttribute attribute : list) {
      batch
          .bind("source", sourceId)
          .bind("attcode", attribute.attcode())
          .bind("finalclass", attribute.kind().code())
          .bind("update", attribute.update())
          .bind("reconcile", attribute.reconcile())
          .bind("updatePolicy", attribute.updatePolicy().code())
          .bind("reconciliationAttcode", attribute.reconciliationAttcode())
          .add();
    }
    batch.execute();
  }

  private static Map<String, Object> fields(SynchroDataSource source) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("name", source.name());
    fields.put("description", source.description());
    fields.put("status", source.status().code());
    fields.put("userId", source.userId());
    fields.put("notifyContactId", source.notifyContactId());
    fields.put("scopeClass", source.scopeClass().className());
    fields.put("databaseTableName", source.databaseTableName());
    fields.put("scopeRestriction", source.scopeRestriction());
    fields.put("fullLoadPeriodicity", source.fullLoadPeriodicity());
    fields.put("reconciliationPolicy", source.reconciliationPolicy().code());
    fields.put("actionOnZero", source.actionOnZero().code());
    fields.put("actionOnOne", source.actionOnOne().code());
    fields.put("actionOnMultiple", source.actionOnMultiple().code());
    fields.put("deletePolicy", source.deletePolicy().code());
    fields.put("deletePolicyUpdate", source.deletePolicyUpdate());
    fields.put("deletePolicyRetention", source.deletePolicyRetention());
    fields.put("userDeletePolicy", source.userDeletePolicy());
    fields.put("urlIcon", source.urlIcon());
    fields.put("urlApplication", source.urlApplication());
    return fields;
  }

  private static List<SynchroDataSource> sources(
      Handle handle, String where, Map<String, Object> parameters) {
    Map<Long, List<SynchroAttribute>> attributes = new HashMap<>();
    String attributeWhere =
        parameters.containsKey("id") ? " WHERE sync_source_id = :id ORDER BY id" : " ORDER BY id";
    handle
        .createQuery(ATTRIBUTES + attributeWhere)
        .bindMap(parameters)
        .map(
            (row, context) -> {
              attributes
                  .computeIfAbsent(row.getLong("sync_source_id"), id -> new ArrayList<>())
                  .add(
                      new SynchroAttribute(
                          row.getLong("id"),
                          row.getString("attcode"),
                          AttributeKind.byCode(row.getString("finalclass")).get(),
                          row.getBoolean("update"),
                          row.getBoolean("reconcile"),
                          UpdatePolicy.byCode(row.getString("update_policy")).get(),
                          row.getString("reconciliation_attcode")));
              return 0;
            })
        .list();
    return handle
        .createQuery(SOURCES + where)
        .bindMap(parameters)
        .map(
            (row, context) -> {
              long id = row.getLong("id");
              return new SynchroDataSource(
                  id,
                  row.getString("name"),
                  row.getString("description"),
                  DataSourceStatus.byCode(row.getString("status")).get(),
                  row.getLong("user_id"),
                  row.getLong("notify_contact_id"),
                  DirectoryClass.byClassName(row.getString("scope_class")).get(),
                  row.getString("database_table_name"),
                  row.getString("scope_restriction"),
                  row.getLong("full_load_periodicity"),
                  ReconciliationPolicy.byCode(row.getString("reconciliation_policy")).get(),
                  ActionOnZero.byCode(row.getString("action_on_zero")).get(),
                  ActionOnOne.byCode(row.getString("action_on_one")).get(),
                  ActionOnMultiple.byCode(row.getString("action_on_multiple")).get(),
                  DeletePolicy.byCode(row.getString("delete_policy")).get(),
                  row.getString("delete_policy_update"),
                  row.getLong("delete_policy_retention"),
                  row.getString("user_delete_policy"),
                  row.getString("url_icon"),
                  row.getString("url_application"),
                  attributes.getOrDefault(id, List.of()));
            })
        .list();
  }

  @Override
  public boolean deleteDataSource(long id) {
    return storage.durably(
        handle ->
            handle
                    .createUpdate("DELETE FROM synchro_data_sources WHERE id = :id")
                    .bind("id", id)
                    .execute()
                > 0);
  }

  @Override
  public SynchroLog saveLog(SynchroLog log) {
    return storage.durably(
        handle -> {
          Map<String, Object> fields = new HashMap<>();
          fields.put("source", log.dataSourceId());
          fields.put("start", log.startDate());
          fields.put("status", log.status().code());
          fields.put("lastError", log.lastError());
          int[] counters = log.statistics().counters();
          Integer[] boxed = new Integer[counters.length];
          for (int i = 0; i < counters.length; i++) {
            boxed[i] = counters[i];
          }
          if (log.id() == 0) {
            long id =
                handle
                    .createQuery(INSERT_LOG)
                    .bindMap(fields)
                    .bindByType("end", log.endDate().getOrNull(), Instant.class)
                    .bind("counters", boxed)
                    .mapTo(Long.class)
                    .one();
            return log.withId(id);
          }
          handle
              .createUpdate(UPDATE_LOG)
              .bindMap(fields)
              .bindByType("end", log.endDate().getOrNull(), Instant.class)
              .bind("counters", boxed)
              .bind("id", log.id())
              .execute();
          return log;
        });
  }

  @Override
  public void deleteLog(long logId) {
    storage.durably(
        handle ->
            handle
                .createUpdate("DELETE FROM synchro_logs WHERE id = :id")
                .bind("id", logId)
                .execute());
  }

  @Override
  public List<SynchroLog> logs(long sourceId) {
    return storage.read(
        handle ->
            handle
                .createQuery(LOGS)
                .bind("source", sourceId)
                .map((row, context) -> log(row))
                .list());
  }

  private static SynchroLog log(ResultSet row) throws SQLException {
    OffsetDateTime end = row.getObject("end_date", OffsetDateTime.class);
    Integer[] counters = (Integer[]) row.getArray("counters").getArray();
    int[] values = new int[counters.length];
    for (int i = 0; i < counters.length; i++) {
      values[i] = counters[i];
    }
    return new SynchroLog(
        row.getLong("id"),
        row.getLong("sync_source_id"),
        row.getObject("start_date", OffsetDateTime.class).toInstant(),
        Option.of(end).map(OffsetDateTime::toInstant),
        SynchroLogStatus.byCode(row.getString("status")).get(),
        SynchroStatistics.of(values),
        row.getString("last_error"));
  }
}
