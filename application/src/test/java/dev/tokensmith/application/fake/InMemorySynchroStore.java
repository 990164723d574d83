package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.SynchroStore;
import dev.tokensmith.domain.synchro.Replica;
import dev.tokensmith.domain.synchro.SynchroAttribute;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroLog;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@link SynchroStore} in memory, whose transactions are those of the {@link
 * InMemoryDirectoryStore} it is given (so directory and replica writes roll back together); a data
 * source is held from {@link #claim} to the end of the transaction.
 */
public final class InMemorySynchroStore implements SynchroStore {
  private final InMemoryDirectoryStore directory;
  private final TreeMap<Long, SynchroDataSource> sources = new TreeMap<>();
  private final TreeMap<Long, TreeMap<Long, Replica>> replicas = new TreeMap<>();
  private final TreeMap<Long, SynchroLog> logs = new TreeMap<>();
  private final Set<Long> held = new HashSet<>();
  private long nextId = 1;
  private int depth;

  public InMemorySynchroStore(InMemoryDirectoryStore directory) {
    this.directory = directory;
  }

  @Override
  public synchronized <T> T inOneTransaction(boolean rollback, Supplier<T> work) {
    return directory.inOneTransaction(
        rollback,
        () -> {
          TreeMap<Long, SynchroDataSource> sourcesBefore = new TreeMap<>(sources);
          TreeMap<Long, TreeMap<Long, Replica>> replicasBefore = copy(replicas);
          TreeMap<Long, SynchroLog> logsBefore = new TreeMap<>(logs);
          depth++;
          try {
            T result = work.get();
            if (rollback) {
              restore(sourcesBefore, replicasBefore, logsBefore);
            }
            return result;
          } catch (RuntimeException | Error e) {
            restore(sourcesBefore, replicasBefore, logsBefore);
            throw e;
          } finally {
            depth--;
            if (depth == 0) {
              held.clear();
            }
          }
        });
  }

  private void restore(
      TreeMap<Long, SynchroDataSource> sourcesBefore,
      TreeMap<Long, TreeMap<Long, Replica>> replicasBefore,
      TreeMap<Long, SynchroLog> logsBefore) {
    logs.clear();
    logs.putAll(logsBefore);
    sources.clear();
    sources.putAll(sourcesBefore);
    replicas.clear();
    replicas.putAll(replicasBefore);
  }

  private static TreeMap<Long, TreeMap<Long, Replica>> copy(
      TreeMap<Long, TreeMap<Long, Replica>> from) {
    TreeMap<Long, TreeMap<Long, Replica>> copy = new TreeMap<>();
    from.forEach((id, map) -> copy.put(id, new TreeMap<>(map)));
    return copy;
  }

  @Override
  public synchronized List<SynchroDataSource> dataSources() {
    return List.copyOf(sources.values());
  }

  @Override
  public synchronized Option<SynchroDataSource> dataSource(long id) {
    return Option.of(sources.get(id));
  }

  @Override
  public synchronized SynchroDataSource create(SynchroDataSource source) {
    long id = nextId++;
    SynchroDataSource stored = source.stored(id, withIds(source.attributes(), List.of()));
    sources.put(id, stored);
    replicas.put(id, new TreeMap<>());
    return stored;
  }

  @Override
  public synchronized SynchroDataSource update(SynchroDataSource source) {
    SynchroDataSource before = sources.get(source.id());
    SynchroDataSource stored =
        source.stored(source.id(), withIds(source.attributes(), before.attributes()));
    sources.put(source.id(), stored);
    return stored;
  }

  private List<SynchroAttribute> withIds(
      List<SynchroAttribute> attributes, List<SynchroAttribute> before) {
    List<SynchroAttribute> stored = new ArrayList<>();
    for (SynchroAttribute attribute : attributes) {
      long id =
          before.stream()
              .filter(old -> old.attcode().equals(attribute.attcode()))
              .map(SynchroAttribute::id)
              .findFirst()
              .orElseGet(() -> nextId++);
      stored.add(attribute.withId(id));
    }
    return stored;
  }

  @Override
  public synchronized boolean claim(long id) {
    if (depth == 0) {
      throw new IllegalStateException("a data source is held only inside a transaction");
    }
    return sources.containsKey(id) && held.add(id);
  }

  @Override
  public synchronized List<Replica> replicas(long sourceId) {
    return List.copyOf(replicas.getOrDefault(sourceId, new TreeMap<>()).values());
  }

  @Override
  public synchronized List<Replica> save(long sourceId, List<Replica> list) {
    Map<Long, Replica> of = replicas.computeIfAbsent(sourceId, id -> new TreeMap<>());
    List<Replica> saved = new ArrayList<>();
    for (Replica replica : list) {
      Replica stored = replica.id() == 0 ? replica.withId(nextId++) : replica;
      of.put(stored.id(), stored);
      saved.add(stored);
    }
    return saved;
  }

  @Override
  public synchronized void delete(List<Long> replicaIds) {
    replicas.values().forEach(map -> replicaIds.forEach(map::remove));
  }

  @Override
  public synchronized boolean deleteDataSource(long id) {
    if (sources.remove(id) == null) {
      return false;
    }
    replicas.remove(id);
    logs.values().removeIf(log -> log.dataSourceId() == id);
    return true;
  }

  @Override
  public synchronized SynchroLog saveLog(SynchroLog log) {
    SynchroLog stored = log.id() == 0 ? log.withId(nextId++) : log;
    logs.put(stored.id(), stored);
    return stored;
  }

  @Override
  public synchronized void deleteLog(long logId) {
    logs.remove(logId);
  }

  @Override
  public synchronized List<SynchroLog> logs(long sourceId) {
    return logs.values().stream().filter(log -> log.dataSourceId() == sourceId).toList();
  }
}
