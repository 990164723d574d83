package dev.tokensmith.application.port.in;

/** Whether the service can answer requests now (its storage answers). */
public interface CheckReadinessUseCase {
  boolean isReady();
}
