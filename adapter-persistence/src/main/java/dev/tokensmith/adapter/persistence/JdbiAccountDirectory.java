package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.application.port.out.PersonalTokenFilter;
import dev.tokensmith.domain.account.Logins;
import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.PasswordHash;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.PersonId;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@link AccountDirectory} on PostgreSQL: organizations, contacts and users with their profiles and
 * password hashes; a user and its contact are written in one transaction.
 */
public final class JdbiAccountDirectory implements AccountDirectory {
  private final Storage storage;

  JdbiAccountDirectory(Storage storage) {
    this.storage = storage;
  }

  @Override
  public Option<User> user(UserId id) {
    return storage.read(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(AccountSql.USER_BY_ID)
                    .bind("id", id.value())
                    .mapTo(Rows.UserRow.class)
                    .findOne()
                    .map(Rows.UserRow::toUser)));
  }

  @Override
  public Option<User> userByLogin(String login) {
    return storage.read(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(AccountSql.USER_BY_LOGIN)
                    .bind("login", login)
                    .mapTo(Rows.UserRow.class)
                    .findOne()
                    .map(Rows.UserRow::toUser)));
  }

  @Override
  public List<User> users(Option<String> afterLogin, int limit) {
    return storage.read(
        handle -> {
          var query =
              handle
                  .createQuery(afterLogin.isDefined() ? AccountSql.USERS_AFTER : AccountSql.USERS)
                  .bind("limit", limit);
          afterLogin.forEach(login -> query.bind("after", login));
          try (var rows = query.mapTo(Rows.UserRow.class).stream()) {
            return rows.map(Rows.UserRow::toUser).toList();
          }
        });
  }

  @Override
  public Counted countUsers(int exactUpTo) {
    ListQueries.Conditions none = ListQueries.Conditions.of(PersonalTokenFilter.NONE);
    return storage.read(
        handle -> {
          long counted =
              ListQueries.countUpTo(handle, AccountSql.USERS_WHERE, none, exactUpTo + 1L);
          return counted <= exactUpTo
              ? new Counted(counted, true)
              : new Counted(
                  Math.max(counted, ListQueries.estimate(handle, AccountSql.USERS_WHERE, none)),
                  false);
        });
  }

  @Override
  public User addUser(NewUser user, PasswordHash passwordHash) {
    String login = Logins.required(user.login());
    NewPerson contact = user.contact();
    String firstName = Names.required("firstName", contact.firstName());
    String name = Names.required("name", contact.name());
    String email = Names.required("email", contact.email());
    return storage.durably(
        handle -> {
          long contactId =
              handle
                  .createQuery(AccountSql.ADD_PERSON)
                  .bind("firstName", firstName)
                  .bind("name", name)
                  .bind("email", email)
                  .bind("phone", contact.phone().getOrNull())
                  .bind("organizationId", contact.organization().id().value())
                  .mapTo(Long.class)
                  .one();
          long userId =
              handle
                  .createQuery(AccountSql.ADD_USER)
                  .bind("login", login)
                  .bind("status", user.status().code())
                  .bind("organizationId", user.organization().id().value())
                  .bind("contactId", contactId)
                  .bind("profiles", Rows.names(user.profiles()))
                  .bind("passwordHash", passwordHash.encoded())
                  .mapTo(Long.class)
                  .one();
          return new User(
              new UserId(userId),
              login,
              user.status(),
              user.organization(),
              new Person(
                  new PersonId(contactId),
                  firstName,
                  name,
                  email,
                  contact.phone(),
                  contact.organization()),
              user.profiles());
        });
  }

  @Override
  public void updateUser(User user) {
    Person contact = user.contact();
    storage.durably(
        handle -> {
          int updated =
              handle
                  .createUpdate(AccountSql.UPDATE_USER)
                  .bind("id", user.id().value())
                  .bind("status", user.status().code())
                  .bind("organizationId", user.organization().id().value())
                  .bind("contactId", contact.id().value())
                  .bind("profiles", Rows.names(user.profiles()))
                  .execute();
          if (updated > 0) {
            handle
                .createUpdate(AccountSql.UPDATE_PERSON)
                .bind("id", contact.id().value())
                .bind("firstName", contact.firstName())
                .bind("name", contact.name())
                .bind("email", contact.email())
                .bind("phone", contact.phone().getOrNull())
                .bind("organizationId", contact.organization().id().value())
                .execute();
          }
          return updated;
        });
  }

  /**
   * Removes the user; personal tokens it still owns (created after the caller deleted them) become
   * tombstones in the same transaction, so no token outlives its owner.
   */
  @Override
  public boolean removeUser(UserId id) {
    return storage.durably(
        handle -> {
          JdbiTokenStore.deletePersonalTokensOf(handle, id, Instant.now());
          return handle.createUpdate(AccountSql.REMOVE_USER).bind("id", id.value()).execute() > 0;
        });
  }

  @Override
  public Option<PasswordHash> passwordHash(UserId id) {
    return storage.read(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(AccountSql.PASSWORD_HASH)
                    .bind("id", id.value())
                    .mapTo(String.class)
                    .findOne()
                    .map(PasswordHash::new)));
  }

  @Override
  public void setPasswordHash(UserId id, PasswordHash passwordHash) {
    storage.durably(
        handle ->
            handle
                .createUpdate(AccountSql.SET_PASSWORD_HASH)
                .bind("id", id.value())
                .bind("passwordHash", passwordHash.encoded())
                .execute());
  }

  @Override
  public Option<Organization> organizationByName(String name) {
    return storage.read(
        handle ->
            Option.ofOptional(
                handle
                    .createQuery(AccountSql.ORGANIZATION_BY_NAME)
                    .bind("name", name)
                    .mapTo(Rows.OrganizationRow.class)
                    .findOne()
                    .map(Rows.OrganizationRow::toOrganization)));
  }

  @Override
  public List<Organization> organizations() {
    return storage.read(
        handle ->
            handle.createQuery(AccountSql.ORGANIZATIONS).mapTo(Rows.OrganizationRow.class).stream()
                .map(Rows.OrganizationRow::toOrganization)
                .toList());
  }

  @Override
  public Organization addOrganization(String name) {
    String checked = Names.required("name", name);
    return storage.durably(handle -> insertOrganization(handle, checked).toOrganization());
  }

  private static Rows.OrganizationRow insertOrganization(Handle handle, String name) {
    return handle
        .createQuery(AccountSql.ADD_ORGANIZATION)
        .bind("name", name)
        .mapTo(Rows.OrganizationRow.class)
        .one();
  }
}
