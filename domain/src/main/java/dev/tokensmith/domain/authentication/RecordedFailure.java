package dev.tokensmith.domain.authentication;

import java.time.Instant;
import java.util.Objects;

/** One refused authentication as its token's owner sees it: when, why, from where, on what. */
public record RecordedFailure(
    Instant at, FailureReason reason, String message, String address, String endpoint) {
  public RecordedFailure {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  public static RecordedFailure of(
      AuthenticationFailure failure, Instant at, String address, String endpoint) {
    return new RecordedFailure(at, failure.reason(), failure.message(), address, endpoint);
  }
}
