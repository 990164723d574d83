package dev.tokensmith.adapter.persistence.archviolation;

import dev.tokensmith.application.port.in.AuthenticateUseCase;

/** A persistence class calling an in-port (test fixture). */
public class PersistenceCallingAnInPort {
  public AuthenticateUseCase useCase;
}
