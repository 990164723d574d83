package dev.tokensmith.application.service;

import static dev.tokensmith.application.service.PersonalTokenServiceTest.field;
import static dev.tokensmith.application.service.PersonalTokenServiceTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.CreateApplicationTokenCommand;
import dev.tokensmith.application.port.in.EditApplicationTokenCommand;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.PageRequest;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.TokenKind;
import io.vavr.control.Option;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Login, my account, user administration and application tokens through the in-ports. */
class AccountAndUserServiceTest {
  private final InMemoryTokensmith world = new InMemoryTokensmith();
  private final User root = world.user("root", Profile.ADMINISTRATOR);
  private final User ada = world.user("ada", Profile.REST_SERVICES_USER);

  @Test
  void logInWithTheRightPasswordOnly() {
    assertThat(
            world
                .core
                .accounts
                .logIn(new LogInCommand("ada", Password.of("password-of-ada"), "192.0.2.1"))
                .get())
        .isEqualTo(ada);
    assertThat(
            world
                .core
                .accounts
                .logIn(new LogInCommand("ada", Password.of("wrong"), "192.0.2.1"))
                .getLeft())
        .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
    assertThat(
            world
                .core
                .accounts
                .logIn(new LogInCommand("nobody", Password.of("x"), "192.0.2.1"))
                .getLeft())
        .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
  }

  @Test
  void aDisabledUserCannotLogInNorKeepASession() {
    String adasSession = world.core.sessions.startSession(ada, Option.none()).key().reveal();
    String rootsSession = world.core.sessions.startSession(root, Option.none()).key().reveal();
    world.accounts.updateUser(ada.withStatus(Status.DISABLED));
    assertThat(
            world
                .core
                .accounts
                .logIn(new LogInCommand("ada", Password.of("password-of-ada"), "192.0.2.1"))
                .isLeft())
        .isTrue();
    assertThat(world.core.sessions.resolveSession(adasSession)).isEmpty();
    assertThat(world.core.sessions.resolveSession(rootsSession).map(s -> s.user())).contains(root);
  }

  @Test
  void logInRehashesWhenTheCostRose() {
    var before = world.accounts.passwordHash(ada.id()).get();
    world.passwords.setCost(2);
    world.core.accounts.logIn(new LogInCommand("ada", Password.of("password-of-ada"), "192.0.2.1"));
    var after = world.accounts.passwordHash(ada.id()).get();
    assertThat(after).isNotEqualTo(before);
    assertThat(world.passwords.needsRehash(after)).isFalse();
  }

  @Test
  void myAccountShowsUserAndContact() {
    var account = world.core.accounts.viewMyAccount(ada).get();
    assertThat(account.user().login()).isEqualTo("ada");
    assertThat(account.user().contact().email()).isEqualTo("ada@example.com");
    assertThat(account.mayOwnPersonalTokens()).isTrue();
  }

  @Test
  void administratorsCreateUsersWithContactAndNewOrganization() {
    User created =
        world
            .core
            .users
            .createUser(
                root,
                "grace",
                fields(
                    "long enough pw",
                    null,
                    "Navy",
                    Set.of("Directory Manager"),
                    "Grace",
                    "Hopper",
                    "grace@example.com"))
            .get();
    assertThat(created.organization().name()).isEqualTo("Navy");
    assertThat(created.contact().friendlyName()).isEqualTo("Grace Hopper");
    assertThat(created.status()).isEqualTo(Status.ENABLED);
    assertThat(created.profiles()).containsExactly(Profile.DIRECTORY_MANAGER);
    assertThat(
            world
                .core
                .accounts
                .logIn(new LogInCommand("grace", Password.of("long enough pw"), "192.0.2.1"))
                .isRight())
        .isTrue();
    assertThat(world.core.users.listUsers(root, PageRequest.FIRST).get().items())
        .extracting(User::login)
        .contains("grace", "ada", "root");
  }

  @Test
  void userCreationNamesTheBadField() {
    UserFields ok =
        fields("long enough pw", null, "Navy", Set.of(), "Grace", "Hopper", "grace@example.com");
    assertThat(field(world.core.users.createUser(root, "bad login!", ok))).isEqualTo("login");
    assertThat(world.core.users.createUser(root, "ada", ok).getLeft())
        .isInstanceOf(UseCaseFailure.Conflict.class);
    assertThat(
            field(
                world.core.users.createUser(
                    root, "g", fields("short", null, "Navy", Set.of(), "G", "H", "g@x"))))
        .isEqualTo("password");
    assertThat(
            field(
                world.core.users.createUser(
                    root, "g", fields("long enough pw", null, "Navy", Set.of(), "G", "H", "nope"))))
        .isEqualTo("contact.email");
    assertThat(
            field(
                world.core.users.createUser(
                    root,
                    "g",
                    fields("long enough pw", "asleep", "Navy", Set.of(), "G", "H", "g@x"))))
        .isEqualTo("status");
    assertThat(
            field(
                world.core.users.createUser(
                    root,
                    "g",
                    fields("long enough pw", null, "Navy", Set.of("God"), "G", "H", "g@x"))))
        .isEqualTo("profiles");
    assertThat(
            field(
                world.core.users.createUser(
                    root, "g", fields("long enough pw", null, null, Set.of(), "G", "H", "g@x"))))
        .isEqualTo("organization");
  }

  @Test
  void onlyAdministratorsManageUsers() {
    assertThat(world.core.users.listUsers(ada, PageRequest.FIRST).getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(world.core.users.deleteUser(ada, "root").getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(world.core.users.deleteUser(root, "root").getLeft())
        .isInstanceOf(UseCaseFailure.Conflict.class);
    assertThat(world.core.users.viewUser(root, "nobody").getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
  }

  @Test
  void editResetsThePasswordAndChangesContact() {
    UserFields edit =
        new UserFields(
            Option.some("brand new password"),
            Option.none(),
            Option.some("Elsewhere"),
            Option.none(),
            Option.none(),
            Option.some("Byron"),
            Option.none());
    User edited = world.core.users.editUser(root, "ada", edit).get();
    assertThat(edited.contact().name()).isEqualTo("Byron");
    assertThat(edited.contact().firstName()).isEqualTo("First");
    assertThat(edited.organization().name()).isEqualTo("Elsewhere");
    assertThat(
            world
                .core
                .accounts
                .logIn(new LogInCommand("ada", Password.of("brand new password"), "192.0.2.1"))
                .isRight())
        .isTrue();
    assertThat(
            world
                .core
                .accounts
                .logIn(new LogInCommand("ada", Password.of("password-of-ada"), "192.0.2.1"))
                .isLeft())
        .isTrue();
  }

  @Test
  void applicationTokensAreManagedByAdministratorsOnly() {
    var command =
        new CreateApplicationTokenCommand(
            root,
            "collector",
            "My Company",
            Set.of("REST Services User"),
            Set.of("Synchro"),
            Option.none());
    var issued = world.core.applicationTokens.createApplicationToken(command).get();
    assertThat(issued.value().reveal()).startsWith("tksa_");
    ApplicationToken token = (ApplicationToken) issued.summary().token();
    assertThat(token.login()).isEqualTo("collector");
    assertThat(world.core.applicationTokens.createApplicationToken(command).getLeft())
        .isInstanceOf(UseCaseFailure.Conflict.class);
    assertThat(
            world
                .core
                .applicationTokens
                .createApplicationToken(
                    new CreateApplicationTokenCommand(
                        ada, "x", "My Company", Set.of(), Set.of("rest"), Option.none()))
                .getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(
            field(
                world.core.applicationTokens.createApplicationToken(
                    new CreateApplicationTokenCommand(
                        root, "y", "No Such Org", Set.of(), Set.of("rest"), Option.none()))))
        .isEqualTo("organization");
    var edited =
        world
            .core
            .applicationTokens
            .editApplicationToken(
                new EditApplicationTokenCommand(
                    root,
                    token.id(),
                    Option.some("disabled"),
                    Option.none(),
                    Option.some(Set.of("Directory Reader")),
                    Option.some(Set.of("export")),
                    Option.none()))
            .get();
    assertThat(((ApplicationToken) edited.token()).status()).isEqualTo(Status.DISABLED);
    assertThat(((ApplicationToken) edited.token()).profiles())
        .containsExactly(Profile.DIRECTORY_READER);
    assertThat(
            world
                .core
                .applicationTokens
                .listApplicationTokens(root, PageRequest.FIRST)
                .get()
                .items())
        .hasSize(1);
    assertThat(world.core.applicationTokens.listApplicationTokens(ada, PageRequest.FIRST).getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(
            world
                .core
                .tokens
                .refreshToken(new TokenCommand(ada, TokenKind.APPLICATION, token.id()))
                .getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(
            world
                .core
                .tokens
                .refreshToken(new TokenCommand(root, TokenKind.APPLICATION, token.id()))
                .get()
                .value()
                .reveal())
        .startsWith("tksa_");
    assertThat(
            world
                .core
                .tokens
                .deleteToken(new TokenCommand(root, TokenKind.APPLICATION, token.id()))
                .isRight())
        .isTrue();
    assertThat(
            world
                .core
                .applicationTokens
                .listApplicationTokens(root, PageRequest.FIRST)
                .get()
                .items())
        .isEmpty();
  }
}
