package dev.tokensmith.application.contract;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.AuthenticationFailureLog;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.TokenId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuthenticationFailureLog} must do. Subclasses may need a stored token for the
 * id: {@link #loggableTokenId()}.
 */
public abstract class AbstractAuthenticationFailureLogContractTest {
  protected abstract AuthenticationFailureLog log();

  /** An id the log accepts failures for (a stored token, where the log needs one). */
  protected abstract TokenId loggableTokenId();

  private static RecordedFailure failure(int second) {
    return new RecordedFailure(
        T0.plusSeconds(second),
        FailureReason.TOKEN_EXPIRED,
        "This token expired on " + T0 + ".",
        "192.0.2.1",
        "GET /api/v1/tokens/self");
  }

  @Test
  void recentFailuresComeNewestFirst() {
    TokenId id = loggableTokenId();
    log().record(id, failure(1));
    log().record(id, failure(2));
    assertThat(log().recent(id, 10)).containsExactly(failure(2), failure(1));
    assertThat(log().recent(id, 1)).containsExactly(failure(2));
  }

  @Test
  void theLogIsBoundedPerToken() {
    TokenId id = loggableTokenId();
    for (int i = 0; i < AuthenticationFailureLog.KEPT_PER_TOKEN + 10; i++) {
      log().record(id, failure(i));
    }
    List<RecordedFailure> recent = log().recent(id, 1000);
    assertThat(recent).hasSize(AuthenticationFailureLog.KEPT_PER_TOKEN);
    assertThat(recent.get(0)).isEqualTo(failure(AuthenticationFailureLog.KEPT_PER_TOKEN + 9));
  }

  @Test
  void failuresOfOneTokenAreNotShownForAnother() {
    TokenId one = loggableTokenId();
    TokenId other = loggableTokenId();
    log().record(one, failure(1));
    assertThat(log().recent(other, 10)).isEmpty();
  }
}
