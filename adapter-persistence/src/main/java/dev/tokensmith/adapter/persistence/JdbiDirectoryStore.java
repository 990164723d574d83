package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.DeleteOutcome;
import dev.tokensmith.application.port.out.DirectoryConflict;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.NewOrganization;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.OrganizationChanges;
import dev.tokensmith.application.port.out.PersonChanges;
import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link DirectoryStore} on PostgreSQL: persons, organizations and users of the account tables,
 * queried with {@link DirectorySql}'s translation of criteria (bind parameters only); each write
 * and the check before it run in one transaction, the object locked.
 */
public final class JdbiDirectoryStore implements DirectoryStore {
  /** Rows fetched per round trip when exporting: the memory held is this many rows, not all. */
  static final int EXPORT_FETCH_SIZE = 1000;

  private final Storage storage;

  JdbiDirectoryStore(Storage storage) {
    this.storage = storage;
  }

  @Override
  public List<DirectoryRecord> find(ObjectQuery query, int limit, int offset) {
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException("limit must be at least 1 and offset not negative");
    }
    checkAttributes(query);
    return storage.read(handle -> find(handle, query, limit, offset));
  }

  @Override
  public long count(ObjectQuery query) {
    checkAttributes(query);
    DirectorySql.Condition count = DirectorySql.count(query);
    return storage.read(
        handle ->
            handle.createQuery(count.sql()).bindMap(count.parameters()).mapTo(Long.class).one());
  }

  /**
   * A server-side cursor (the driver fetches {@link #EXPORT_FETCH_SIZE} rows at a time, which it
   * does only inside a transaction), so the export runs in one read transaction.
   */
  @Override
  public long forEachInExportOrder(ObjectQuery query, Consumer<DirectoryRecord> sink) {
    checkAttributes(query);
    DirectorySql.Condition export = DirectorySql.export(query);
    return storage.inTransaction(
        handle -> {
          long handed = 0;
          try (Stream<DirectoryRecord> rows =
              handle
                  .createQuery(export.sql())
                  .bindMap(export.parameters())
                  .setFetchSize(EXPORT_FETCH_SIZE)
                  .map(mapper(query.directoryClass()))
                  .stream()) {
            for (DirectoryRecord record : (Iterable<DirectoryRecord>) rows::iterator) {
              sink.accept(record);
              handed++;
            }
          }
          return handed;
        });
  }

  /**
   * The store's own transactions nest into this one (JDBI hands the same connection to every call
   * made on this thread meanwhile); a rollback is an exception thrown through it.
   */
  @Override
  public <T> T inOneTransaction(boolean rollback, Supplier<T> work) {
    return storage.inOneTransaction(rollback, work);
  }

  @Override
  public DirectoryRecord createPerson(NewPerson person) {
    String firstName = Names.required("firstName", person.firstName());
    String name = Names.required("name", person.name());
    String email = Names.required("email", person.email());
    return storage.durably(
        handle -> {
          long id =
              handle
                  .createQuery(DirectorySql.ADD_PERSON)
                  .bind("firstName", firstName)
                  .bind("name", name)
                  .bind("email", email)
                  .bind("phone", person.phone().getOrNull())
                  .bind("status", status(person.status()))
                  .bind("organizationId", person.organization().id().value())
                  .mapTo(Long.class)
                  .one();
          return byId(handle, DirectoryClass.PERSON, id).get();
        });
  }

  @Override
  public List<DirectoryRecord> createPersons(List<NewPerson> persons) {
    long[] ids = createPersonIds(persons);
    List<DirectoryRecord> created = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      NewPerson person = persons.get(i);
      created.add(
          DirectoryRecord.person(
              ids[i],
              person.firstName(),
              person.name(),
              person.email(),
              person.phone(),
              person.status(),
              person.organization().id().value(),
              person.organization().name()));
    }
    return created;
  }

  /**
   * One statement whatever the number: every row is inserted from arrays with an id from the
   * table's sequence, and the ids come back in the order of the arrays.
   */
  @Override
  public long[] createPersonIds(List<NewPerson> persons) {
    if (persons.isEmpty()) {
      return new long[0];
    }
    int count = persons.size();
    String[] firstNames = new String[count];
    String[] names = new String[count];
    String[] emails = new String[count];
    String[] phones = new String[count];
    String[] statuses = new String[count];
    Long[] organizations = new Long[count];
    for (int i = 0; i < count; i++) {
      NewPerson person = persons.get(i);
      firstNames[i] = Names.required("firstName", person.firstName());
      names[i] = Names.required("name", person.name());
      emails[i] = Names.required("email", person.email());
      phones[i] = person.phone().getOrNull();
      statuses[i] = status(person.status());
      organizations[i] = person.organization().id().value();
    }
    return storage.durably(
        handle -> {
          long[] ids = new long[count];
          handle
              .createQuery(DirectorySql.ADD_PERSONS)
              .bindArray("firstNames", String.class, (Object[]) firstNames)
              .bindArray("names", String.class, (Object[]) names)
              .bindArray("emails", String.class, (Object[]) emails)
              .bindArray("phones", String.class, (Object[]) phones)
              .bindArray("statuses", String.class, (Object[]) statuses)
              .bindArray("organizations", Long.class, (Object[]) organizations)
              .map((row, context) -> ids[row.getInt("position") - 1] = row.getLong("id"))
              .forEach(id -> {});
          return ids;
        });
  }

  /** One statement whatever the number: every person's given fields, from arrays. */
  @Override
  public Set<Long> updatePersons(Map<Long, PersonChanges> changes) {
    if (changes.isEmpty()) {
      return Set.of();
    }
    int count = changes.size();
    Long[] ids = new Long[count];
    String[] firstNames = new String[count];
    String[] names = new String[count];
    String[] emails = new String[count];
    String[] phones = new String[count];
    Boolean[] phonesGiven = new Boolean[count];
    String[] statuses = new String[count];
    Long[] organizations = new Long[count];
    int i = 0;
    for (Map.Entry<Long, PersonChanges> entry : changes.entrySet()) {
      PersonChanges change = entry.getValue();
      ids[i] = entry.getKey();
      firstNames[i] =
          change.firstName().map(value -> Names.required("firstName", value)).getOrNull();
      names[i] = change.name().map(value -> Names.required("name", value)).getOrNull();
      emails[i] = change.email().map(value -> Names.required("email", value)).getOrNull();
      phonesGiven[i] = change.phone().isDefined();
      phones[i] = change.phoneAfter(Option.none()).getOrNull();
      statuses[i] = change.status().map(JdbiDirectoryStore::status).getOrNull();
      organizations[i] = change.organization().map(id -> id.value()).getOrNull();
      i++;
    }
    return storage.durably(
        handle -> {
          Set<Long> missing = new LinkedHashSet<>(changes.keySet());
          handle
              .createQuery(DirectorySql.UPDATE_PERSONS)
              .bindArray("ids", Long.class, (Object[]) ids)
              .bindArray("firstNames", String.class, (Object[]) firstNames)
              .bindArray("names", String.class, (Object[]) names)
              .bindArray("emails", String.class, (Object[]) emails)
              .bindArray("phones", String.class, (Object[]) phones)
              .bindArray("phonesGiven", Boolean.class, (Object[]) phonesGiven)
              .bindArray("statuses", String.class, (Object[]) statuses)
              .bindArray("organizations", Long.class, (Object[]) organizations)
              .mapTo(Long.class)
              .forEach(missing::remove);
          return missing;
        });
  }

  @Override
  public Option<DirectoryRecord> updatePerson(long id, PersonChanges changes) {
    return storage.durably(
        handle -> {
          if (!locked(handle, DirectorySql.LOCK_PERSON, id)) {
            return Option.none();
          }
          DirectoryRecord current = byId(handle, DirectoryClass.PERSON, id).get();
          String phone = current.field("phone");
          handle
              .createUpdate(DirectorySql.UPDATE_PERSON)
              .bind("id", id)
              .bind(
                  "firstName",
                  Names.required(
                      "firstName", changes.firstName().getOrElse(current.field("first_name"))))
              .bind("name", Names.required("name", changes.name().getOrElse(current.field("name"))))
              .bind(
                  "email",
                  Names.required("email", changes.email().getOrElse(current.field("email"))))
              .bind(
                  "phone",
                  changes
                      .phoneAfter(phone.isEmpty() ? Option.none() : Option.some(phone))
                      .getOrNull())
              .bind("status", status(changes.status().getOrElse(current.field("status"))))
              .bind(
                  "organizationId",
                  changes
                      .organization()
                      .map(organization -> organization.value())
                      .getOrElse(() -> Long.parseLong(current.field("org_id"))))
              .execute();
          return byId(handle, DirectoryClass.PERSON, id);
        });
  }

  @Override
  public DeleteOutcome deletePerson(long id, boolean simulate) {
    return storage.durably(
        handle -> {
          if (!locked(handle, DirectorySql.LOCK_PERSON, id)) {
            return new DeleteOutcome.NotFound();
          }
          DirectoryRecord record = byId(handle, DirectoryClass.PERSON, id).get();
          long users =
              handle
                  .createQuery(DirectorySql.USERS_WITH_CONTACT)
                  .bind("id", id)
                  .mapTo(Long.class)
                  .one();
          if (users > 0) {
            return new DeleteOutcome.InUse(record, 0, users, 0);
          }
          if (!simulate) {
            handle.createUpdate(DirectorySql.DELETE_PERSON).bind("id", id).execute();
          }
          return new DeleteOutcome.Deleted(record);
        });
  }

  @Override
  public Either<DirectoryConflict, DirectoryRecord> createOrganization(String name) {
    String checked = Names.required("name", name);
    return storage.durably(
        handle ->
            Option.ofOptional(
                    handle
                        .createQuery(DirectorySql.ADD_ORGANIZATION)
                        .bind("name", checked)
                        .mapTo(Long.class)
                        .findOne())
                .map(id -> DirectoryRecord.organization(id, checked))
                .toEither(() -> nameTaken(checked)));
  }

  /** One statement whatever the number. */
  @Override
  public Map<String, Long> organizationIdsNamed(Collection<String> names) {
    if (names.isEmpty()) {
      return new HashMap<>();
    }
    return storage.read(
        handle -> {
          Map<String, Long> found = new HashMap<>();
          handle
              .createQuery(DirectorySql.ORGANIZATIONS_NAMED)
              .bindArray("names", String.class, names.toArray())
              .map((row, context) -> Map.entry(row.getString("name"), row.getLong("id")))
              .forEach(named -> found.put(named.getKey(), named.getValue()));
          return found;
        });
  }

  /** One statement whatever the number: every organization inserted from arrays. */
  @Override
  public List<Option<Long>> createOrganizations(List<NewOrganization> organizations) {
    if (organizations.isEmpty()) {
      return List.of();
    }
    String[] names = new String[organizations.size()];
    String[] statuses = new String[organizations.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = Names.required("name", organizations.get(i).name());
      statuses[i] = status(organizations.get(i).status());
    }
    return storage.durably(
        handle -> {
          Map<String, Long> created = new HashMap<>();
          handle
              .createQuery(DirectorySql.ADD_ORGANIZATIONS)
              .bindArray("names", String.class, (Object[]) names)
              .bindArray("statuses", String.class, (Object[]) statuses)
              .map((row, context) -> Map.entry(row.getString("name"), row.getLong("id")))
              .forEach(named -> created.put(named.getKey(), named.getValue()));
          List<Option<Long>> ids = new ArrayList<>(names.length);
          for (String name : names) {
            // a name given twice is created once: the first of them
            ids.add(Option.of(created.remove(name)));
          }
          return ids;
        });
  }

  /** One statement whatever the number: every organization's given fields, from arrays. */
  @Override
  public Set<Long> updateOrganizations(Map<Long, OrganizationChanges> changes) {
    if (changes.isEmpty()) {
      return Set.of();
    }
    Long[] ids = new Long[changes.size()];
    String[] names = new String[changes.size()];
    String[] statuses = new String[changes.size()];
    int i = 0;
    for (Map.Entry<Long, OrganizationChanges> entry : changes.entrySet()) {
      ids[i] = entry.getKey();
      names[i] = entry.getValue().name().map(name -> Names.required("name", name)).getOrNull();
      statuses[i] = entry.getValue().status().map(JdbiDirectoryStore::status).getOrNull();
      i++;
    }
    return storage.durably(
        handle -> {
          Set<Long> missing = new LinkedHashSet<>(changes.keySet());
          handle
              .createQuery(DirectorySql.UPDATE_ORGANIZATIONS)
              .bindArray("ids", Long.class, (Object[]) ids)
              .bindArray("names", String.class, (Object[]) names)
              .bindArray("statuses", String.class, (Object[]) statuses)
              .mapTo(Long.class)
              .forEach(missing::remove);
          return missing;
        });
  }

  @Override
  public Either<DirectoryConflict, Option<DirectoryRecord>> updateOrganization(
      long id, String name) {
    String checked = Names.required("name", name);
    try {
      return storage.durably(
          handle -> {
            Option<String> current =
                Option.ofOptional(
                    handle
                        .createQuery(DirectorySql.LOCK_ORGANIZATION)
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne());
            if (current.isEmpty()) {
              return Either.right(Option.none());
            }
            if (!current.get().equals(checked)) {
              boolean taken =
                  handle
                      .createQuery(DirectorySql.ORGANIZATION_NAMED)
                      .bind("name", checked)
                      .mapTo(Long.class)
                      .findOne()
                      .isPresent();
              if (taken) {
                return Either.left(nameTaken(checked));
              }
              handle
                  .createUpdate(DirectorySql.RENAME_ORGANIZATION)
                  .bind("id", id)
                  .bind("name", checked)
                  .execute();
            }
            return Either.right(byId(handle, DirectoryClass.ORGANIZATION, id));
          });
    } catch (IllegalStateException e) {
      // another transaction took the name between the check and the update
      if (Storage.breaks(e, DirectorySql.ORGANIZATION_NAME_KEY)) {
        return Either.left(nameTaken(checked));
      }
      throw e;
    }
  }

  @Override
  public DeleteOutcome deleteOrganization(long id, boolean simulate) {
    return storage.durably(
        handle -> {
          if (!locked(handle, DirectorySql.LOCK_ORGANIZATION, id)) {
            return new DeleteOutcome.NotFound();
          }
          DirectoryRecord record = byId(handle, DirectoryClass.ORGANIZATION, id).get();
          Dependents dependents =
              handle
                  .createQuery(DirectorySql.DEPENDENTS_OF_ORGANIZATION)
                  .bind("id", id)
                  .map(
                      (row, context) ->
                          new Dependents(
                              row.getLong("persons"),
                              row.getLong("users"),
                              row.getLong("application_tokens")))
                  .one();
          if (dependents.any()) {
            return new DeleteOutcome.InUse(
                record, dependents.persons(), dependents.users(), dependents.applicationTokens());
          }
          if (!simulate) {
            handle.createUpdate(DirectorySql.DELETE_ORGANIZATION).bind("id", id).execute();
          }
          return new DeleteOutcome.Deleted(record);
        });
  }

  private record Dependents(long persons, long users, long applicationTokens) {
    boolean any() {
      return persons + users + applicationTokens > 0;
    }
  }

  private static List<DirectoryRecord> find(
      Handle handle, ObjectQuery query, int limit, int offset) {
    DirectorySql.Condition find = DirectorySql.find(query, limit, offset);
    return handle
        .createQuery(find.sql())
        .bindMap(find.parameters())
        .map(mapper(query.directoryClass()))
        .list();
  }

  private static Option<DirectoryRecord> byId(
      Handle handle, DirectoryClass directoryClass, long id) {
    ObjectQuery query =
        new ObjectQuery(
            directoryClass,
            new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(id)));
    return Option.ofOptional(find(handle, query, 1, 0).stream().findFirst());
  }

  /** Locks the row {@code id} with {@code lock} (a SELECT … FOR UPDATE); false when it is gone. */
  private static boolean locked(Handle handle, String lock, long id) {
    return handle.createQuery(lock).bind("id", id).mapToMap().findOne().isPresent();
  }

  @Override
  public Option<DirectoryRecord> setOrganizationStatus(long id, String status) {
    String checked = status(status);
    return storage.durably(
        handle -> {
          int changed =
              handle
                  .createUpdate(DirectorySql.SET_ORGANIZATION_STATUS)
                  .bind("id", id)
                  .bind("status", checked)
                  .execute();
          return changed == 0 ? Option.none() : byId(handle, DirectoryClass.ORGANIZATION, id);
        });
  }

  /** A status to store: {@code active} or {@code inactive}, else a programming error. */
  private static String status(String status) {
    if (!DirectoryRecord.isContactStatus(status)) {
      throw new IllegalArgumentException("a status is active or inactive");
    }
    return status;
  }

  private static void checkAttributes(ObjectQuery query) {
    query.checkAttributes().getOrElseThrow(message -> new IllegalArgumentException(message));
  }

  private static DirectoryConflict nameTaken(String name) {
    return new DirectoryConflict(DirectoryClass.ORGANIZATION, "name", name);
  }

  private static RowMapper<DirectoryRecord> mapper(DirectoryClass directoryClass) {
    if (directoryClass == DirectoryClass.PERSON) {
      return (row, context) ->
          DirectoryRecord.person(
              row.getLong("id"),
              row.getString("first_name"),
              row.getString("name"),
              row.getString("email"),
              Option.of(row.getString("phone")),
              row.getString("status"),
              row.getLong("org_id"),
              row.getString("org_name"));
    }
    if (directoryClass == DirectoryClass.ORGANIZATION) {
      return (row, context) ->
          DirectoryRecord.organization(
              row.getLong("id"), row.getString("name"), row.getString("status"));
    }
    return (row, context) ->
        DirectoryRecord.user(
            row.getLong("id"),
            row.getString("login"),
            Rows.statusOf(row.getString("status")),
            row.getLong("organization_id"),
            row.getLong("contact_person_id"),
            Rows.profilesOf(profiles(row)));
  }

  private static List<String> profiles(ResultSet row) throws SQLException {
    Array array = row.getArray("profiles");
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
