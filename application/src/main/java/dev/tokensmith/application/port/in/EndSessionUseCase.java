package dev.tokensmith.application.port.in;

/** Signs a web UI session out; a value that names no session is ignored. */
public interface EndSessionUseCase {
  void endSession(String presentedKey);
}
