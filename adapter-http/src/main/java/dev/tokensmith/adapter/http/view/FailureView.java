package dev.tokensmith.adapter.http.view;

import dev.tokensmith.domain.authentication.RecordedFailure;

/** One refused authentication of a token, as its owner sees it. */
public record FailureView(
    String at, String reason, String message, String address, String endpoint) {
  public static FailureView from(RecordedFailure failure) {
    return new FailureView(
        Times.iso(failure.at()),
        failure.reason().code(),
        failure.message(),
        failure.address(),
        failure.endpoint());
  }
}
