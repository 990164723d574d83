package dev.tokensmith.application.port.out;

/** One trivial round trip to the storage, for readiness checks. */
public interface StorageProbe {
  /** Returns when the storage answered; throws {@link StorageFailure} otherwise. */
  void ping();
}
