package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.CreateUserUseCase;
import dev.tokensmith.application.port.in.DeleteUserUseCase;
import dev.tokensmith.application.port.in.EditUserUseCase;
import dev.tokensmith.application.port.in.ListUsersUseCase;
import dev.tokensmith.application.port.in.Page;
import dev.tokensmith.application.port.in.PageRequest;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.application.port.in.ViewUserUseCase;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.application.port.out.PasswordHasher;
import dev.tokensmith.application.port.out.SessionStore;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Logins;
import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.input.StorableText;
import dev.tokensmith.domain.token.Tombstone;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Administrators' management of users: create, view, edit (incl. password reset), delete. */
public final class UserAdministrationService
    implements ListUsersUseCase,
        ViewUserUseCase,
        CreateUserUseCase,
        EditUserUseCase,
        DeleteUserUseCase {
  private final AccountDirectory accounts;
  private final TokenStore tokens;
  private final SessionStore sessions;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final Clock clock;

  public UserAdministrationService(
      AccountDirectory accounts,
      TokenStore tokens,
      SessionStore sessions,
      PasswordHasher hasher,
      AuditLog audit,
      Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.sessions = sessions;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseFailure, Page<User>> listUsers(Principal actor, PageRequest page) {
    Either<UseCaseFailure, Principal> admin = TokenAccess.administrator(actor);
    if (admin.isLeft()) {
      return Either.left(admin.getLeft());
    }
    Either<UseCaseFailure, Integer> limit = Pages.limit(page);
    if (limit.isLeft()) {
      return Either.left(limit.getLeft());
    }
    Either<UseCaseFailure, Option<String>> after = Pages.loginPosition(page);
    if (after.isLeft()) {
      return Either.left(after.getLeft());
    }
    List<User> rows = accounts.users(after.get(), limit.get() + 1);
    Option<Counted> count =
        Pages.countOnFirstPage(page, () -> accounts.countUsers(Pages.EXACT_COUNT_UP_TO));
    return Either.right(
        Pages.of(rows, limit.get(), count, user -> user, user -> Pages.userCursor(user.login())));
  }

  @Override
  public Either<UseCaseFailure, User> viewUser(Principal actor, String login) {
    return TokenAccess.administrator(actor).flatMap(admin -> existing(login));
  }

  @Override
  public Either<UseCaseFailure, User> createUser(Principal actor, String login, UserFields fields) {
    Either<UseCaseFailure, Principal> admin = TokenAccess.administrator(actor);
    if (admin.isLeft()) {
      return Either.left(admin.getLeft());
    }
    String loginProblem = Logins.problem(login);
    if (loginProblem != null) {
      return Either.left(new InvalidInput("login", loginProblem));
    }
    if (accounts.userByLogin(login).isDefined()) {
      return Either.left(loginTaken(login));
    }
    Option<UseCaseFailure> problem =
        firstProblem(
            passwordProblem(fields.password().getOrNull()),
            nameProblem("organization", fields.organization().getOrNull()),
            nameProblem("contact.firstName", fields.firstName().getOrNull()),
            nameProblem("contact.name", fields.name().getOrNull()),
            emailProblem(fields.email().getOrNull()));
    if (problem.isDefined()) {
      return Either.left(problem.get());
    }
    Either<UseCaseFailure, Status> status = Inputs.status(fields.status().getOrElse("enabled"));
    if (status.isLeft()) {
      return Either.left(status.getLeft());
    }
    Either<UseCaseFailure, Set<Profile>> profiles =
        Inputs.profiles(fields.profiles().getOrElse(Set.of()));
    if (profiles.isLeft()) {
      return Either.left(profiles.getLeft());
    }
    Organization organization = organizationNamed(fields.organization().get());
    NewUser user =
        new NewUser(
            login,
            status.get(),
            organization,
            profiles.get(),
            new NewPerson(
                fields.firstName().get().strip(),
                fields.name().get().strip(),
                fields.email().get().strip(),
                Option.none(),
                organization));
    try {
      return Either.right(
          accounts.addUser(user, hasher.hash(Password.of(fields.password().get()))));
    } catch (AlreadyTaken e) {
      return Either.left(loginTaken(login)); // created by a concurrent request since the check
    }
  }

  private static UseCaseFailure loginTaken(String login) {
    return new UseCaseFailure.Conflict("login", "A user with login " + login + " exists already.");
  }

  @Override
  public Either<UseCaseFailure, User> editUser(Principal actor, String login, UserFields fields) {
    return TokenAccess.administrator(actor)
        .flatMap(admin -> existing(login))
        .flatMap(user -> edit(user, fields));
  }

  private Either<UseCaseFailure, User> edit(User user, UserFields fields) {
    Option<UseCaseFailure> problem =
        firstProblem(
            fields.password().isDefined() ? passwordProblem(fields.password().get()) : null,
            fields.organization().isDefined()
                ? nameProblem("organization", fields.organization().get())
                : null,
            fields.firstName().isDefined()
                ? nameProblem("contact.firstName", fields.firstName().get())
                : null,
            fields.name().isDefined() ? nameProblem("contact.name", fields.name().get()) : null,
            fields.email().isDefined() ? emailProblem(fields.email().get()) : null);
    if (problem.isDefined()) {
      return Either.left(problem.get());
    }
    User edited = user;
    if (fields.status().isDefined()) {
      Either<UseCaseFailure, Status> status = Inputs.status(fields.status().get());
      if (status.isLeft()) {
        return Either.left(status.getLeft());
      }
      edited = edited.withStatus(status.get());
    }
    if (fields.profiles().isDefined()) {
      Either<UseCaseFailure, Set<Profile>> profiles = Inputs.profiles(fields.profiles().get());
      if (profiles.isLeft()) {
        return Either.left(profiles.getLeft());
      }
      edited = edited.withProfiles(profiles.get());
    }
    if (fields.organization().isDefined()) {
      edited = edited.withOrganization(organizationNamed(fields.organization().get()));
    }
    Person contact = edited.contact();
    edited =
        edited.withContact(
            new Person(
                contact.id(),
                fields.firstName().map(String::strip).getOrElse(contact.firstName()),
                fields.name().map(String::strip).getOrElse(contact.name()),
                fields.email().map(String::strip).getOrElse(contact.email()),
                contact.phone(),
                contact.organization()));
    accounts.updateUser(edited);
    if (fields.password().isDefined()) {
      accounts.setPasswordHash(user.id(), hasher.hash(Password.of(fields.password().get())));
    }
    // a disabled user, or one whose password was reset, is signed out everywhere
    if (edited.status() != Status.ENABLED || fields.password().isDefined()) {
      sessions.removeAllOf(user.id());
    }
    return Either.right(edited);
  }

  @Override
  public Either<UseCaseFailure, String> deleteUser(Principal actor, String login) {
    return TokenAccess.administrator(actor)
        .flatMap(admin -> existing(login))
        .flatMap(
            user -> {
              if (user.login().equals(actor.login())) {
                return Either.left(
                    new UseCaseFailure.Conflict("login", "You cannot delete your own user."));
              }
              Instant now = clock.instant();
              for (Tombstone tombstone : tokens.deletePersonalTokensOf(user.id(), now)) {
                audit.record(
                    new AuditEvent(
                        now,
                        actor.login(),
                        user.login(),
                        tombstone.id(),
                        AuditEvent.Action.DELETED,
                        "the user was deleted"));
              }
              sessions.removeAllOf(user.id());
              accounts.removeUser(user.id());
              return Either.right(user.login());
            });
  }

  private Either<UseCaseFailure, User> existing(String login) {
    return (login == null || !StorableText.isStorable(login)
            ? Option.<User>none()
            : accounts.userByLogin(login))
        .toEither(() -> (UseCaseFailure) new UseCaseFailure.NotFound("No user " + login + "."));
  }

  private Organization organizationNamed(String name) {
    String trimmed = name.strip();
    Option<Organization> existing = accounts.organizationByName(trimmed);
    if (existing.isDefined()) {
      return existing.get();
    }
    try {
      return accounts.addOrganization(trimmed);
    } catch (AlreadyTaken e) {
      return accounts.organizationByName(trimmed).get(); // created by a concurrent request
    }
  }

  private static UseCaseFailure passwordProblem(String password) {
    String problem = Password.problem(password);
    return problem == null ? null : new InvalidInput("password", problem);
  }

  private static UseCaseFailure nameProblem(String field, String value) {
    String problem = Names.problem(field, value);
    return problem == null ? null : new InvalidInput(field, problem);
  }

  private static UseCaseFailure emailProblem(String email) {
    String problem = Inputs.emailProblem("contact.email", email);
    return problem == null ? null : new InvalidInput("contact.email", problem);
  }

  private static Option<UseCaseFailure> firstProblem(UseCaseFailure... problems) {
    for (UseCaseFailure problem : problems) {
      if (problem != null) {
        return Option.some(problem);
      }
    }
    return Option.none();
  }
}
