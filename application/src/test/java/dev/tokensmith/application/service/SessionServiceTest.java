package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.ActiveSession;
import dev.tokensmith.application.port.in.StartedSession;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UserFields;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
  private final InMemoryTokensmith world = new InMemoryTokensmith();
  private final SessionService sessions = world.core.sessions;
  private final User ada = world.user("ada", Profile.REST_SERVICES_USER);
  private final User root = world.user("root", Profile.ADMINISTRATOR);

  private Option<User> userOf(StartedSession session) {
    return sessions.resolveSession(session.key().reveal()).map(ActiveSession::user);
  }

  @Test
  void aStartedSessionResolvesToItsUserAndOnlyItsDigestIsStored() {
    StartedSession started = sessions.startSession(ada, Option.none());
    assertThat(userOf(started)).contains(ada);
    assertThat(started.key().reveal()).hasSize(43);
    assertThat(started.toString()).doesNotContain(started.key().reveal());
    assertThat(started.csrfToken()).isNotEqualTo(started.key().reveal());
    assertThat(started.csrfToken()).isNotEqualTo(started.key().digest().value());
    assertThat(sessions.resolveSession(started.key().reveal()).get().csrfToken())
        .isEqualTo(started.csrfToken());
  }

  @Test
  void valuesThatAreNoKeyResolveToNothing() {
    assertThat(sessions.resolveSession(null)).isEmpty();
    assertThat(sessions.resolveSession("")).isEmpty();
    assertThat(sessions.resolveSession("x".repeat(43))).isEmpty();
    assertThat(sessions.resolveSession("é".repeat(43))).isEmpty();
    assertThat(sessions.resolveSession("x".repeat(10_000))).isEmpty();
  }

  @Test
  void signingInAgainRenewsTheKeyAndEndsThePreviousSession() {
    StartedSession first = sessions.startSession(ada, Option.none());
    StartedSession second = sessions.startSession(ada, Option.some(first.key().reveal()));
    assertThat(second.key()).isNotEqualTo(first.key());
    assertThat(userOf(first)).isEmpty();
    assertThat(userOf(second)).contains(ada);
  }

  @Test
  void aSessionEndsWhenIdleAndAtItsAbsoluteExpiry() {
    StartedSession idle = sessions.startSession(ada, Option.none());
    world.clock.advance(Duration.ofMinutes(31));
    assertThat(userOf(idle)).isEmpty();

    StartedSession busy = sessions.startSession(ada, Option.none());
    assertThat(busy.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofHours(12)));
    for (int i = 0; i < 12 * 3 - 1; i++) {
      world.clock.advance(Duration.ofMinutes(20));
      assertThat(userOf(busy)).contains(ada);
    }
    world.clock.advance(Duration.ofMinutes(20));
    assertThat(userOf(busy)).isEmpty();
  }

  @Test
  void signingOutEndsThatSessionOnly() {
    StartedSession one = sessions.startSession(ada, Option.none());
    StartedSession other = sessions.startSession(ada, Option.none());
    sessions.endSession(one.key().reveal());
    sessions.endSession("not a key");
    assertThat(userOf(one)).isEmpty();
    assertThat(userOf(other)).contains(ada);
  }

  @Test
  void aUserSignsThemselvesOutEverywhereAndAnAdministratorAnyone() {
    StartedSession one = sessions.startSession(ada, Option.none());
    StartedSession two = sessions.startSession(ada, Option.none());
    StartedSession roots = sessions.startSession(root, Option.none());
    assertThat(sessions.endAllSessions(ada, "root").getLeft())
        .isInstanceOf(UseCaseFailure.Forbidden.class);
    assertThat(sessions.endAllSessions(ada, "ada").get()).isEqualTo(2);
    assertThat(userOf(one)).isEmpty();
    assertThat(userOf(two)).isEmpty();
    assertThat(userOf(roots)).contains(root);
    assertThat(sessions.endAllSessions(root, "nobody").getLeft())
        .isInstanceOf(UseCaseFailure.NotFound.class);
    StartedSession again = sessions.startSession(ada, Option.none());
    assertThat(sessions.endAllSessions(root, "ada").get()).isEqualTo(1);
    assertThat(userOf(again)).isEmpty();
  }

  @Test
  void disablingResettingThePasswordOrDeletingAUserEndsTheirSessions() {
    StartedSession beforeDisable = sessions.startSession(ada, Option.none());
    world.core.users.editUser(root, "ada", fields("disabled", null)).get();
    assertThat(userOf(beforeDisable)).isEmpty();
    assertThat(world.sessions.size()).isZero();

    world.core.users.editUser(root, "ada", fields("enabled", null)).get();
    StartedSession beforeReset = sessions.startSession(ada, Option.none());
    world.core.users.editUser(root, "ada", fields(null, "a brand new password")).get();
    assertThat(userOf(beforeReset)).isEmpty();

    StartedSession beforeDelete = sessions.startSession(ada, Option.none());
    world.core.users.deleteUser(root, "ada").get();
    assertThat(userOf(beforeDelete)).isEmpty();
    assertThat(world.sessions.size()).isZero();
  }

  @Test
  void endedSessionsAreRemovedWhenSomeoneSignsIn() {
    sessions.startSession(ada, Option.none());
    sessions.startSession(ada, Option.none());
    world.clock.advance(Duration.ofHours(13));
    sessions.startSession(root, Option.none());
    assertThat(world.sessions.size()).isEqualTo(1);
  }

  private static UserFields fields(String status, String password) {
    return new UserFields(
        Option.of(password),
        Option.of(status),
        Option.none(),
        Option.none(),
        Option.none(),
        Option.none(),
        Option.none());
  }
}
