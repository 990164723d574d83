package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.CreateApplicationTokenCommand;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A use case checks that a login or name is free, and another request takes it before the write:
 * the use case answers a conflict naming the field (never an error), and a shared organization is
 * simply used.
 */
class LostRaceTest {
  private final InMemoryTokensmith world = new InMemoryTokensmith();
  private final User root = world.user("root", Profile.ADMINISTRATOR);
  // the checks see nothing, as they would just before a concurrent request's write
  private final TokensmithCore core =
      world.coreWith(
          blindTo(TokenStore.class, world.tokens, "applicationTokenByLogin"),
          blindTo(AccountDirectory.class, world.accounts, "userByLogin"));

  @Test
  void aUserLoginTakenAfterTheCheckIsAConflict() {
    world.user("twin");

    var created =
        core.users.createUser(
            root,
            "twin",
            PersonalTokenServiceTest.fields(
                "long enough pw", null, "My Company", Set.of(), "T", "Win", "t@example.com"));

    assertThat(created.getLeft()).isInstanceOf(UseCaseFailure.Conflict.class);
    assertThat(((UseCaseFailure.Conflict) created.getLeft()).field()).isEqualTo("login");
  }

  @Test
  void anApplicationTokenLoginTakenAfterTheCheckIsAConflict() {
    CreateApplicationTokenCommand command =
        new CreateApplicationTokenCommand(
            root, "collector", "My Company", Set.of(), Set.of("rest"), Option.none());
    assertThat(core.applicationTokens.createApplicationToken(command).isRight()).isTrue();

    var second = core.applicationTokens.createApplicationToken(command);

    assertThat(second.getLeft()).isInstanceOf(UseCaseFailure.Conflict.class);
    assertThat(((UseCaseFailure.Conflict) second.getLeft()).field()).isEqualTo("login");
    assertThat(world.tokens.allApplicationTokens()).hasSize(1);
  }

  @Test
  void anOrganizationCreatedAfterTheCheckIsUsed() {
    AccountDirectory racing =
        blindTo(AccountDirectory.class, world.accounts, "userByLogin", "organizationByName");
    TokensmithCore blind = world.coreWith(world.tokens, racing);

    var created =
        blind.users.createUser(
            root,
            "newcomer",
            PersonalTokenServiceTest.fields(
                "long enough pw", null, "My Company", Set.of(), "N", "Ew", "n@example.com"));

    assertThat(created.get().organization()).isEqualTo(world.organization);
  }

  /**
   * {@code target} whose {@code methods} find nothing the first time they are called (as a check
   * made just before a concurrent write), and answer normally afterwards.
   */
  @SuppressWarnings("unchecked")
  private static <T> T blindTo(Class<T> type, T target, String... methods) {
    Set<String> blind = new HashSet<>(Set.of(methods));
    InvocationHandler handler =
        (proxy, method, arguments) -> {
          if (blind.remove(method.getName())) {
            return Option.none();
          }
          try {
            return method.invoke(target, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
