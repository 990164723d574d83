package dev.tokensmith.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AlreadyTaken;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.PasswordHash;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link AccountDirectory} must do. */
public abstract class AbstractAccountDirectoryContractTest {
  protected abstract AccountDirectory accounts();

  @Test
  void addedUserIsFoundByIdAndLoginWithItsContact() {
    User user =
        ContractFixtures.user(accounts(), Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER);
    assertThat(accounts().user(user.id())).contains(user);
    assertThat(accounts().userByLogin(user.login())).contains(user);
    assertThat(user.contact().friendlyName()).isEqualTo("Ada Lovelace");
    assertThat(user.contact().phone()).contains("+33 1 23");
    assertThat(user.profiles())
        .containsExactlyInAnyOrder(Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER);
    assertThat(allUsers()).contains(user);
  }

  private java.util.List<User> allUsers() {
    java.util.List<User> seen = new java.util.ArrayList<>();
    io.vavr.control.Option<String> after = io.vavr.control.Option.none();
    while (true) {
      java.util.List<User> page = accounts().users(after, 3);
      seen.addAll(page);
      if (page.size() < 3) {
        return seen;
      }
      after = io.vavr.control.Option.some(page.get(2).login());
    }
  }

  @Test
  void usersArePagedByLoginWithoutDuplicateOrGap() {
    ContractFixtures.user(accounts(), Profile.REST_SERVICES_USER);
    ContractFixtures.user(accounts(), Profile.REST_SERVICES_USER);
    java.util.List<User> all = allUsers();
    assertThat(all).doesNotHaveDuplicates();
    assertThat(all).extracting(User::login).isSortedAccordingTo(String::compareTo);
    assertThat(accounts().countUsers(100_000))
        .isEqualTo(new dev.tokensmith.application.port.out.Counted(all.size(), true));
  }

  @Test
  void unknownLoginIsNotFound() {
    assertThat(accounts().userByLogin("nobody-" + ContractFixtures.unique(""))).isEmpty();
  }

  @Test
  void updateWritesStatusProfilesOrganizationAndContact() {
    User user = ContractFixtures.user(accounts(), Profile.ADMINISTRATOR);
    Organization other = ContractFixtures.organization(accounts());
    Person contact = user.contact();
    User edited =
        user.withStatus(Status.DISABLED)
            .withProfiles(Set.of(Profile.DIRECTORY_MANAGER, Profile.DIRECTORY_READER))
            .withOrganization(other)
            .withContact(
                new Person(
                    contact.id(),
                    "Grace",
                    "Hopper",
                    "grace@example.com",
                    Option.none(),
                    contact.organization()));
    accounts().updateUser(edited);
    assertThat(accounts().user(user.id())).contains(edited);
  }

  @Test
  void passwordHashIsKeptAndReplaced() {
    User user = ContractFixtures.user(accounts());
    assertThat(accounts().passwordHash(user.id())).contains(new PasswordHash("fake$1$salt$hash"));
    accounts().setPasswordHash(user.id(), new PasswordHash("fake$2$salt$other"));
    assertThat(accounts().passwordHash(user.id())).contains(new PasswordHash("fake$2$salt$other"));
  }

  @Test
  void removedUserIsGone() {
    User user = ContractFixtures.user(accounts());
    assertThat(accounts().removeUser(user.id())).isTrue();
    assertThat(accounts().user(user.id())).isEmpty();
    assertThat(accounts().userByLogin(user.login())).isEmpty();
    assertThat(accounts().passwordHash(user.id())).isEmpty();
    assertThat(accounts().removeUser(user.id())).isFalse();
  }

  @Test
  void organizationsAreFoundByName() {
    Organization organization = ContractFixtures.organization(accounts());
    assertThat(accounts().organizationByName(organization.name())).contains(organization);
    assertThat(accounts().organizations()).contains(organization);
    assertThat(accounts().organizationByName("no such " + ContractFixtures.unique(""))).isEmpty();
  }

  @Test
  void aTakenLoginOrOrganizationNameIsReportedAsAlreadyTaken() {
    User user = ContractFixtures.user(accounts());
    NewUser sameLogin =
        new NewUser(
            user.login(),
            Status.ENABLED,
            user.organization(),
            Set.of(),
            new NewPerson("Bob", "Other", "bob@example.com", Option.none(), user.organization()));
    assertThatThrownBy(() -> accounts().addUser(sameLogin, new PasswordHash("fake$1$salt$hash")))
        .isInstanceOf(AlreadyTaken.class);
    assertThatThrownBy(() -> accounts().addOrganization(user.organization().name()))
        .isInstanceOf(AlreadyTaken.class);
    assertThat(accounts().userByLogin(user.login())).contains(user);
  }
}
