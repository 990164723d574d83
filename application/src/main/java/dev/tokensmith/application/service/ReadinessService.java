package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.CheckReadinessUseCase;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.application.port.out.StorageProbe;

/** Readiness: the storage answers one trivial round trip. */
public final class ReadinessService implements CheckReadinessUseCase {
  private final StorageProbe probe;

  public ReadinessService(StorageProbe probe) {
    this.probe = probe;
  }

  @Override
  public boolean isReady() {
    try {
      probe.ping();
      return true;
    } catch (StorageFailure e) {
      return false;
    }
  }
}
