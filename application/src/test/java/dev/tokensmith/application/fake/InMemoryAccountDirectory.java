package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.PasswordHash;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.PersonId;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import io.vavr.control.Option;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link AccountDirectory} in memory, for tests and the in-memory demo. Organizations, persons and
 * users are kept as rows that point at each other by id, as in the database, so that a change made
 * through {@link InMemoryDirectoryStore} (which shares this state and this object's lock) shows in
 * every user whose contact or organization it touches.
 */
public final class InMemoryAccountDirectory implements AccountDirectory {
  private record PersonRow(
      String firstName,
      String name,
      String email,
      Option<String> phone,
      long organizationId,
      String status) {}

  private record UserRow(
      String login, Status status, long organizationId, long contactId, Set<Profile> profiles) {}

  private final NavigableMap<Long, String> organizations = new TreeMap<>();
  private final NavigableMap<Long, String> organizationStatuses = new TreeMap<>();
  private final NavigableMap<Long, PersonRow> persons = new TreeMap<>();
  private final NavigableMap<Long, UserRow> users = new TreeMap<>();
  private final Map<Long, PasswordHash> hashes = new HashMap<>();
  private long lastOrganizationId;
  private long lastPersonId;
  private long lastUserId;

  @Override
  public synchronized Option<User> user(UserId id) {
    return Option.of(users.get(id.value())).map(row -> toUser(id.value(), row));
  }

  @Override
  public synchronized Option<User> userByLogin(String login) {
    return Option.ofOptional(
        users.entrySet().stream()
            .filter(entry -> entry.getValue().login().equals(login))
            .findFirst()
            .map(entry -> toUser(entry.getKey(), entry.getValue())));
  }

  @Override
  public synchronized List<User> users(Option<String> afterLogin, int limit) {
    return allUsers().stream()
        .filter(user -> afterLogin.forAll(after -> after.compareTo(user.login()) < 0))
        .limit(limit)
        .toList();
  }

  /** Every user, by login (a helper of the fake, not of the port). */
  public synchronized List<User> allUsers() {
    return usersById().stream().sorted(Comparator.comparing(User::login)).toList();
  }

  @Override
  public synchronized Counted countUsers(int exactUpTo) {
    return new Counted(users.size(), users.size() <= exactUpTo);
  }

  @Override
  public synchronized User addUser(NewUser user, PasswordHash passwordHash) {
    if (userByLogin(user.login()).isDefined()) {
      throw new AlreadyTaken("login taken: " + user.login());
    }
    requireOrganization(user.organization().id().value());
    Person contact = addPerson(user.contact());
    long id = ++lastUserId;
    users.put(
        id,
        new UserRow(
            user.login(),
            user.status(),
            user.organization().id().value(),
            contact.id().value(),
            user.profiles()));
    hashes.put(id, passwordHash);
    return toUser(id, users.get(id));
  }

  @Override
  public synchronized void updateUser(User user) {
    long id = user.id().value();
    if (!users.containsKey(id)) {
      return;
    }
    requireOrganization(user.organization().id().value());
    users.put(
        id,
        new UserRow(
            user.login(),
            user.status(),
            user.organization().id().value(),
            user.contact().id().value(),
            user.profiles()));
    writePerson(user.contact());
  }

  @Override
  public synchronized boolean removeUser(UserId id) {
    hashes.remove(id.value());
    return users.remove(id.value()) != null;
  }

  @Override
  public synchronized Option<PasswordHash> passwordHash(UserId id) {
    return Option.of(hashes.get(id.value()));
  }

  @Override
  public synchronized void setPasswordHash(UserId id, PasswordHash passwordHash) {
    if (users.containsKey(id.value())) {
      hashes.put(id.value(), passwordHash);
    }
  }

  @Override
  public synchronized Option<Organization> organizationByName(String name) {
    return Option.ofOptional(
        organizationsById().stream().filter(o -> o.name().equals(name)).findFirst());
  }

  @Override
  public synchronized List<Organization> organizations() {
    return organizationsById().stream()
        .sorted((a, b) -> DirectoryText.compare(a.name(), b.name()))
        .toList();
  }

  @Override
  public synchronized Organization addOrganization(String name) {
    if (organizationByName(name).isDefined()) {
      throw new AlreadyTaken("organization exists: " + name);
    }
    Organization organization = new Organization(new OrganizationId(++lastOrganizationId), name);
    organizations.put(organization.id().value(), organization.name());
    return organization;
  }

  // What InMemoryDirectoryStore reads and writes; it holds this object's lock around compound
  // steps.

  synchronized Option<Organization> organization(long id) {
    return Option.of(organizations.get(id))
        .map(name -> new Organization(new OrganizationId(id), name));
  }

  synchronized List<Organization> organizationsById() {
    return organizations.keySet().stream().map(id -> organization(id).get()).toList();
  }

  synchronized void renameOrganization(long id, String name) {
    organizations.replace(id, name);
  }

  synchronized boolean removeOrganization(long id) {
    return organizations.remove(id) != null;
  }

  synchronized Option<Person> person(long id) {
    return Option.of(persons.get(id)).map(row -> toPerson(id, row));
  }

  synchronized List<Person> personsById() {
    return persons.keySet().stream().map(id -> person(id).get()).toList();
  }

  synchronized List<User> usersById() {
    return users.entrySet().stream()
        .map(entry -> toUser(entry.getKey(), entry.getValue()))
        .toList();
  }

  /** The organizations and persons as they are now, to put back with {@link #restore}. */
  synchronized Object snapshot() {
    return new Snapshot(
        new TreeMap<>(organizations),
        new TreeMap<>(organizationStatuses),
        new TreeMap<>(persons),
        lastOrganizationId,
        lastPersonId);
  }

  /** The directory status of an existing organization ({@code active} unless set). */
  synchronized String organizationStatus(long id) {
    return organizationStatuses.getOrDefault(id, DirectoryRecord.ACTIVE);
  }

  /** Sets the directory status of an existing organization. */
  synchronized void writeOrganizationStatus(long id, String status) {
    if (organizations.containsKey(id)) {
      organizationStatuses.put(id, status);
    }
  }

  /** Puts back the organizations and persons of a {@link #snapshot} (a rolled-back transaction). */
  synchronized void restore(Object snapshot) {
    Snapshot saved = (Snapshot) snapshot;
    organizations.clear();
    organizations.putAll(saved.organizations());
    organizationStatuses.clear();
    organizationStatuses.putAll(saved.organizationStatuses());
    persons.clear();
    persons.putAll(saved.persons());
    lastOrganizationId = saved.lastOrganizationId();
    lastPersonId = saved.lastPersonId();
  }

  private record Snapshot(
      NavigableMap<Long, String> organizations,
      NavigableMap<Long, String> organizationStatuses,
      NavigableMap<Long, PersonRow> persons,
      long lastOrganizationId,
      long lastPersonId) {}

  /** Adds a contact; like the database's foreign key, its organization must exist. */
  synchronized Person addPerson(NewPerson person) {
    long organizationId = person.organization().id().value();
    requireOrganization(organizationId);
    long id = ++lastPersonId;
    persons.put(
        id,
        new PersonRow(
            person.firstName(),
            person.name(),
            person.email(),
            person.phone(),
            organizationId,
            person.status()));
    return toPerson(id, persons.get(id));
  }

  /** The directory status ({@code active} or {@code inactive}) of an existing person. */
  synchronized String personStatus(long id) {
    return persons.get(id).status();
  }

  /** Sets the directory status of a person; an unknown person is ignored. */
  synchronized void writePersonStatus(long id, String status) {
    PersonRow row = persons.get(id);
    if (row != null) {
      persons.put(
          id,
          new PersonRow(
              row.firstName(), row.name(), row.email(), row.phone(), row.organizationId(), status));
    }
  }

  /** Writes an existing person's fields; an unknown person is ignored, as an SQL UPDATE does. */
  synchronized void writePerson(Person person) {
    long id = person.id().value();
    if (persons.containsKey(id)) {
      requireOrganization(person.organization().id().value());
      persons.put(
          id,
          new PersonRow(
              person.firstName(),
              person.name(),
              person.email(),
              person.phone(),
              person.organization().id().value(),
              persons.get(id).status()));
    }
  }

  synchronized boolean removePerson(long id) {
    return persons.remove(id) != null;
  }

  synchronized long usersWithContact(long personId) {
    return users.values().stream().filter(row -> row.contactId() == personId).count();
  }

  synchronized long personsOf(long organizationId) {
    return persons.values().stream().filter(row -> row.organizationId() == organizationId).count();
  }

  synchronized long usersOf(long organizationId) {
    return users.values().stream().filter(row -> row.organizationId() == organizationId).count();
  }

  private void requireOrganization(long id) {
    if (!organizations.containsKey(id)) {
      throw new IllegalStateException("no organization " + id);
    }
  }

  private Person toPerson(long id, PersonRow row) {
    return new Person(
        new PersonId(id),
        row.firstName(),
        row.name(),
        row.email(),
        row.phone(),
        organization(row.organizationId()).get());
  }

  private User toUser(long id, UserRow row) {
    return new User(
        new UserId(id),
        row.login(),
        row.status(),
        organization(row.organizationId()).get(),
        person(row.contactId()).get(),
        row.profiles());
  }
}
