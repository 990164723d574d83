package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.PasswordHash;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.PersonId;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link AccountDirectory} in memory, for tests and the in-memory demo. */
public final class InMemoryAccountDirectory implements AccountDirectory {
  private final Map<UserId, User> users = new ConcurrentHashMap<>();
  private final Map<UserId, PasswordHash> hashes = new ConcurrentHashMap<>();
  private final Map<String, Organization> organizations = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  @Override
  public Option<User> user(UserId id) {
    return Option.of(users.get(id));
  }

  @Override
  public Option<User> userByLogin(String login) {
    return Option.ofOptional(
        users.values().stream().filter(u -> u.login().equals(login)).findFirst());
  }

  @Override
  public List<User> users() {
    return users.values().stream().sorted(Comparator.comparing(User::login)).toList();
  }

  @Override
  public synchronized User addUser(NewUser user, PasswordHash passwordHash) {
    if (userByLogin(user.login()).isDefined()) {
      throw new IllegalStateException("login taken: " + user.login());
    }
    Person contact =
        new Person(
            new PersonId(ids.incrementAndGet()),
            user.contact().firstName(),
            user.contact().name(),
            user.contact().email(),
            user.contact().phone(),
            user.contact().organization());
    User created =
        new User(
            new UserId(ids.incrementAndGet()),
            user.login(),
            user.status(),
            user.organization(),
            contact,
            user.profiles());
    users.put(created.id(), created);
    hashes.put(created.id(), passwordHash);
    return created;
  }

  @Override
  public void updateUser(User user) {
    users.computeIfPresent(user.id(), (id, old) -> user);
  }

  @Override
  public boolean removeUser(UserId id) {
    hashes.remove(id);
    return users.remove(id) != null;
  }

  @Override
  public Option<PasswordHash> passwordHash(UserId id) {
    return Option.of(hashes.get(id));
  }

  @Override
  public void setPasswordHash(UserId id, PasswordHash passwordHash) {
    if (users.containsKey(id)) {
      hashes.put(id, passwordHash);
    }
  }

  @Override
  public Option<Organization> organizationByName(String name) {
    return Option.of(organizations.get(name));
  }

  @Override
  public List<Organization> organizations() {
    return organizations.values().stream()
        .sorted(Comparator.comparing(Organization::name))
        .toList();
  }

  @Override
  public synchronized Organization addOrganization(String name) {
    if (organizations.containsKey(name)) {
      throw new IllegalStateException("organization exists: " + name);
    }
    Organization organization = new Organization(new OrganizationId(ids.incrementAndGet()), name);
    organizations.put(name, organization);
    return organization;
  }
}
