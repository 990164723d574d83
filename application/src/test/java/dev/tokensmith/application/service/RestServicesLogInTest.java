package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.LogInToRestServicesUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticationPolicy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Password logins to the REST web services, with the REST-services profile rule of DESIGN §2. */
class RestServicesLogInTest {
  static LogInCommand passwordOf(String login) {
    return new LogInCommand(login, Password.of("password-of-" + login), "192.0.2.1");
  }

  @Test
  void aRestServicesUserLogsInWithTheRightPasswordOnly() {
    InMemoryTokensmith world = new InMemoryTokensmith();
    User ada = world.user("ada", Profile.REST_SERVICES_USER);
    assertThat(world.core.accounts.logInToRestServices(passwordOf("ada")).get()).isEqualTo(ada);
    assertThat(
            world
                .core
                .accounts
                .logInToRestServices(
                    new LogInCommand("ada", Password.of("wrong password"), "192.0.2.1"))
                .getLeft())
        .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
  }

  @Test
  void withRestServicesSecuredAUserWithoutTheRestProfileIsForbiddenWithItopsMessage() {
    InMemoryTokensmith world = new InMemoryTokensmith();
    world.user("boss", Profile.ADMINISTRATOR);
    UseCaseFailure refused = world.core.accounts.logInToRestServices(passwordOf("boss")).getLeft();
    assertThat(refused).isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(refused.message()).isEqualTo(LogInToRestServicesUseCase.REST_PROFILE_REQUIRED);
  }

  @Test
  void aWrongPasswordIsReportedBeforeTheMissingProfile() {
    InMemoryTokensmith world = new InMemoryTokensmith();
    world.user("boss", Profile.ADMINISTRATOR);
    assertThat(
            world
                .core
                .accounts
                .logInToRestServices(new LogInCommand("boss", Password.of("guess"), "192.0.2.1"))
                .getLeft())
        .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
  }

  @Test
  void aDisabledUserCannotLogIn() {
    InMemoryTokensmith world = new InMemoryTokensmith();
    User ada = world.user("ada", Profile.REST_SERVICES_USER);
    world.accounts.updateUser(ada.withStatus(Status.DISABLED));
    assertThat(world.core.accounts.logInToRestServices(passwordOf("ada")).getLeft())
        .isInstanceOf(UseCaseFailure.InvalidCredentials.class);
  }

  @Test
  void withRestServicesNotSecuredAnyUserLogsIn() {
    InMemoryTokensmith world =
        new InMemoryTokensmith(
            new TokensmithCore.Settings(
                TokensmithCore.Settings.DEFAULT.codec(),
                TokensmithCore.Settings.DEFAULT.scopes(),
                TokensmithCore.Settings.DEFAULT.rules(),
                new AuthenticationPolicy(Set.of(Profile.ADMINISTRATOR), false, false)));
    User boss = world.user("boss", Profile.ADMINISTRATOR);
    assertThat(world.core.accounts.logInToRestServices(passwordOf("boss")).get()).isEqualTo(boss);
  }
}
