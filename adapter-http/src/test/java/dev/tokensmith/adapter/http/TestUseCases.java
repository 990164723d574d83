package dev.tokensmith.adapter.http;

import dev.tokensmith.application.service.TokensmithCore;

/** Wires {@link UseCases} from the core as the bootstrap does. */
public final class TestUseCases {
  private TestUseCases() {}

  public static UseCases of(TokensmithCore core) {
    return new UseCases(
        core.authentication,
        core.authentication,
        core.tokens,
        core.accounts,
        core.sessions,
        core.accounts,
        core.personalTokens,
        core.personalTokens,
        core.personalTokens,
        core.tokens,
        core.tokens,
        core.tokens,
        core.personalTokens,
        core.applicationTokens,
        core.applicationTokens,
        core.applicationTokens,
        core.users,
        core.users,
        core.users,
        core.users,
        core.users,
        core.readiness,
        core.sessions,
        core.sessions,
        core.sessions,
        core.scopes,
        core.scopes,
        core.tokenPolicy,
        core.tokenPolicy);
  }
}
