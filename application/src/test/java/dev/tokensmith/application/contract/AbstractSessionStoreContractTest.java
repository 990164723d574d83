package dev.tokensmith.application.contract;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.SessionStore;
import dev.tokensmith.application.port.out.SessionStore.NewSession;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.session.SessionDigest;
import dev.tokensmith.domain.session.SessionKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} must do. */
public abstract class AbstractSessionStoreContractTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration IDLE = Duration.ofMinutes(30);

  protected abstract AccountDirectory accounts();

  protected abstract SessionStore sessions();

  private static SessionDigest newDigest() {
    byte[] bytes = new byte[SessionKey.BYTES];
    RANDOM.nextBytes(bytes);
    return SessionKey.of(bytes).digest();
  }

  private SessionDigest started(User user, Instant at) {
    SessionDigest digest = newDigest();
    sessions().add(new NewSession(digest, user.id(), at, at.plus(Duration.ofHours(12))));
    return digest;
  }

  private boolean live(SessionDigest digest, Instant now) {
    return sessions().activeUser(digest, now, now.minus(IDLE), now.minusSeconds(60)).isDefined();
  }

  @Test
  void aStartedSessionNamesItsUserAsTheyAreNow() {
    User user = ContractFixtures.user(accounts(), Profile.REST_SERVICES_USER);
    SessionDigest digest = started(user, T0);
    User edited = user.withProfiles(java.util.Set.of(Profile.ADMINISTRATOR));
    accounts().updateUser(edited);
    Instant now = T0.plusSeconds(5);
    assertThat(sessions().activeUser(digest, now, now.minus(IDLE), now.minusSeconds(60)))
        .contains(edited);
  }

  @Test
  void anUnknownDigestNamesNoOne() {
    assertThat(live(newDigest(), T0)).isFalse();
  }

  @Test
  void aSessionEndsAtItsExpiryEvenWhenUsed() {
    User user = ContractFixtures.user(accounts());
    SessionDigest digest = started(user, T0);
    for (int minute = 20; minute < 12 * 60; minute += 20) {
      assertThat(live(digest, T0.plus(Duration.ofMinutes(minute)))).isTrue();
    }
    assertThat(live(digest, T0.plus(Duration.ofHours(12)))).isFalse();
  }

  @Test
  void aSessionEndsAfterTheIdleTimeoutAndEachRequestRecordedPostponesIt() {
    User user = ContractFixtures.user(accounts());
    SessionDigest digest = started(user, T0);
    assertThat(live(digest, T0.plus(Duration.ofMinutes(29)))).isTrue(); // recorded: older than 60s
    assertThat(live(digest, T0.plus(Duration.ofMinutes(58)))).isTrue();
    assertThat(live(digest, T0.plus(Duration.ofMinutes(58 + 30)))).isFalse();
  }

  @Test
  void aRequestIsRecordedOnlyWhenTheRecordedOneIsOlderThanAsked() {
    User user = ContractFixtures.user(accounts());
    SessionDigest digest = started(user, T0);
    Instant at = T0.plus(Duration.ofMinutes(10));
    // the recorded request (T0) is not before touchBefore: nothing is written
    assertThat(sessions().activeUser(digest, at, at.minus(IDLE), T0)).isNotEmpty();
    assertThat(live(digest, T0.plus(IDLE))).isFalse();
  }

  @Test
  void aDisabledUsersSessionNamesNoOneAndADeletedUsersSessionsAreGone() {
    User disabled = ContractFixtures.user(accounts());
    SessionDigest ofDisabled = started(disabled, T0);
    accounts().updateUser(disabled.withStatus(Status.DISABLED));
    assertThat(live(ofDisabled, T0.plusSeconds(1))).isFalse();

    User deleted = ContractFixtures.user(accounts());
    SessionDigest ofDeleted = started(deleted, T0);
    accounts().removeUser(deleted.id());
    assertThat(live(ofDeleted, T0.plusSeconds(1))).isFalse();
    assertThat(sessions().remove(ofDeleted)).isFalse();
  }

  @Test
  void removingASessionEndsItOnly() {
    User user = ContractFixtures.user(accounts());
    SessionDigest one = started(user, T0);
    SessionDigest other = started(user, T0);
    assertThat(sessions().remove(one)).isTrue();
    assertThat(sessions().remove(one)).isFalse();
    assertThat(live(one, T0.plusSeconds(1))).isFalse();
    assertThat(live(other, T0.plusSeconds(1))).isTrue();
  }

  @Test
  void removingAllOfAUserEndsTheirSessionsOnly() {
    User user = ContractFixtures.user(accounts());
    User someoneElse = ContractFixtures.user(accounts());
    SessionDigest one = started(user, T0);
    SessionDigest two = started(user, T0);
    SessionDigest theirs = started(someoneElse, T0);
    assertThat(sessions().removeAllOf(user.id())).isEqualTo(2);
    assertThat(live(one, T0.plusSeconds(1))).isFalse();
    assertThat(live(two, T0.plusSeconds(1))).isFalse();
    assertThat(live(theirs, T0.plusSeconds(1))).isTrue();
  }

  @Test
  void removingEndedSessionsKeepsLiveOnesAndStopsAtTheLimit() {
    User user = ContractFixtures.user(accounts());
    Instant later = T0.plus(Duration.ofDays(400)); // after every other test's sessions ended
    SessionDigest live = started(user, later);
    for (int i = 0; i < 3; i++) {
      started(user, later.minus(Duration.ofHours(1)));
    }
    Instant now = later.plusSeconds(1);
    int first = sessions().removeEnded(now, now.minus(IDLE), 2);
    assertThat(first).isEqualTo(2);
    int rest = 0;
    while (true) {
      int removed = sessions().removeEnded(now, now.minus(IDLE), 1000);
      rest += removed;
      if (removed == 0) {
        break;
      }
    }
    assertThat(rest).isGreaterThanOrEqualTo(1);
    assertThat(live(live, now)).isTrue();
  }
}
