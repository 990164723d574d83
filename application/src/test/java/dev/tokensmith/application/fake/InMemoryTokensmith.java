package dev.tokensmith.application.fake;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.policy.TokenPolicy;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;

/** The whole core on in-memory adapters with a fixed clock: the test factory for services. */
public final class InMemoryTokensmith {
  public static final Instant START = Instant.parse("2026-01-15T09:00:00Z");

  public final MutableClock clock = new MutableClock(START);
  public final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
  public final InMemoryTokenStore tokens = new InMemoryTokenStore(accounts);
  public final InMemoryDirectoryStore directory = new InMemoryDirectoryStore(accounts, tokens);
  public final FakeTokenDigester digester = new FakeTokenDigester();
  public final FakePasswordHasher passwords = new FakePasswordHasher();
  public final InMemoryAuthenticationFailureLog failures = new InMemoryAuthenticationFailureLog();
  public final InMemoryFailedAttemptCounter attempts = new InMemoryFailedAttemptCounter();
  public final InMemoryAuditLog audit = new InMemoryAuditLog();
  public final InMemorySessionStore sessions = new InMemorySessionStore(accounts);
  public final InMemoryScopeRegistry scopes = new InMemoryScopeRegistry();
  public final InMemoryTokenPolicyStore policies;
  // one sequence for every core of this world, so their token ids never collide
  private final SeededRandomBytes random = new SeededRandomBytes(42);
  public final TokensmithCore core;
  public final Organization organization;

  public InMemoryTokensmith() {
    this(TokensmithCore.Settings.DEFAULT);
  }

  public InMemoryTokensmith(TokensmithCore.Settings settings) {
    this.policies =
        new InMemoryTokenPolicyStore(
            TokenPolicy.seed(settings.policy().personalTokenProfiles(), settings.rules()));
    this.core = coreWith(tokens, accounts, settings);
    this.organization = accounts.addOrganization("My Company");
  }

  /**
   * Another core on this world's fakes, except the token store and the account directory (e.g.
   * wrappers that let another request overtake a use case); default settings.
   */
  public TokensmithCore coreWith(TokenStore tokenStore, AccountDirectory accountDirectory) {
    return coreWith(tokenStore, accountDirectory, TokensmithCore.Settings.DEFAULT);
  }

  private TokensmithCore coreWith(
      TokenStore tokenStore, AccountDirectory accountDirectory, TokensmithCore.Settings settings) {
    return new TokensmithCore(
        new TokensmithCore.Ports(
            tokenStore,
            tokens,
            accountDirectory,
            directory,
            digester,
            passwords,
            failures,
            attempts,
            audit,
            random,
            () -> {},
            sessions,
            scopes,
            clock,
            policies),
        settings);
  }

  /** A user with the given profiles and the password {@code password-of-<login>}. */
  public User user(String login, Profile... profiles) {
    return accounts.addUser(
        new NewUser(
            login,
            Status.ENABLED,
            organization,
            Set.of(profiles),
            new NewPerson("First", login, login + "@example.com", Option.none(), organization)),
        passwords.hash(Password.of("password-of-" + login)));
  }
}
