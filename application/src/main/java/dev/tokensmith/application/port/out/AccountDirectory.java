package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.PasswordHash;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;
import java.util.List;

/** Organizations, contacts and users, with the users' password hashes. */
public interface AccountDirectory {
  Option<User> user(UserId id);

  Option<User> userByLogin(String login);

  /** One page of the users by login, strictly after {@code afterLogin}: at most {@code limit}. */
  List<User> users(Option<String> afterLogin, int limit);

  /** How many users exist: exact up to {@code exactUpTo}, otherwise an estimate. */
  Counted countUsers(int exactUpTo);

  /** Creates the user and its contact in one step. */
  User addUser(NewUser user, PasswordHash passwordHash);

  /** Writes a user's status, organization, profiles and contact fields. */
  void updateUser(User user);

  /** Removes a user (its contact stays, as a contact). */
  boolean removeUser(UserId id);

  Option<PasswordHash> passwordHash(UserId id);

  void setPasswordHash(UserId id, PasswordHash passwordHash);

  Option<Organization> organizationByName(String name);

  /** Every organization, by name. */
  List<Organization> organizations();

  Organization addOrganization(String name);
}
