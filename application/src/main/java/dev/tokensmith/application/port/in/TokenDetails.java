package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.authentication.RecordedFailure;
import java.util.List;

/** One token with its recent authentication failures, newest first. */
public record TokenDetails(TokenSummary summary, List<RecordedFailure> recentFailures) {
  /** How many recent failures a token view shows. */
  public static final int RECENT_FAILURES = 20;

  public TokenDetails {
    recentFailures = List.copyOf(recentFailures);
  }
}
