package dev.tokensmith.application.port.in;

import io.vavr.control.Option;

/**
 * The live web UI session a cookie names, with its user as they are now: none for a value that is
 * no session key, an unknown, ended or signed-out session, or a user deleted or disabled since.
 */
public interface ResolveSessionUseCase {
  Option<ActiveSession> resolveSession(String presentedKey);
}
