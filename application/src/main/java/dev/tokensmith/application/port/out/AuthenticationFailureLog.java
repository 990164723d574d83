package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.TokenId;
import java.util.List;

/** The refused authentications of each token, bounded, for its owner to see why. */
public interface AuthenticationFailureLog {
  /** How many failures are kept per token; older ones are dropped. */
  int KEPT_PER_TOKEN = 50;

  void record(TokenId id, RecordedFailure failure);

  /** The most recent failures of a token, newest first, at most {@code limit}. */
  List<RecordedFailure> recent(TokenId id, int limit);
}
