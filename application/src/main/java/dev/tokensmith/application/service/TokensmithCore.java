package dev.tokensmith.application.service;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.AuthenticationFailureLog;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.FailedAttemptCounter;
import dev.tokensmith.application.port.out.PasswordHasher;
import dev.tokensmith.application.port.out.RandomBytes;
import dev.tokensmith.application.port.out.ScopeRegistry;
import dev.tokensmith.application.port.out.SessionStore;
import dev.tokensmith.application.port.out.StorageProbe;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.port.out.TokenPolicyStore;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.port.out.UsageRecorder;
import dev.tokensmith.domain.authentication.AttemptBudgets;
import dev.tokensmith.domain.authentication.AuthenticationPolicy;
import dev.tokensmith.domain.authentication.Authenticator;
import dev.tokensmith.domain.policy.TokenPolicy;
import dev.tokensmith.domain.session.SessionTimeouts;
import dev.tokensmith.domain.token.ScopeCatalog;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenRules;
import java.time.Clock;

/**
 * Every service, wired by hand from the out-ports and the installation's settings. Adapters take
 * the services they need as in-port interfaces.
 */
public final class TokensmithCore {
  /** What the core needs from the world. */
  public record Ports(
      TokenStore tokens,
      UsageRecorder usage,
      AccountDirectory accounts,
      DirectoryStore directory,
      TokenDigester digester,
      PasswordHasher passwords,
      AuthenticationFailureLog failures,
      FailedAttemptCounter attempts,
      AuditLog audit,
      RandomBytes random,
      StorageProbe probe,
      SessionStore sessions,
      ScopeRegistry scopes,
      Clock clock,
      TokenPolicyStore policies) {
    /**
     * The ports without a token policy store: the policy of the start-up settings applies, fixed
     * (embedded use without administrators).
     */
    public Ports(
        TokenStore tokens,
        UsageRecorder usage,
        AccountDirectory accounts,
        DirectoryStore directory,
        TokenDigester digester,
        PasswordHasher passwords,
        AuthenticationFailureLog failures,
        FailedAttemptCounter attempts,
        AuditLog audit,
        RandomBytes random,
        StorageProbe probe,
        SessionStore sessions,
        ScopeRegistry scopes,
        Clock clock) {
      this(
          tokens, usage, accounts, directory, digester, passwords, failures, attempts, audit,
          random, probe, sessions, scopes, clock, null);
    }
  }

  /** The installation's rules. */
  public record Settings(
      TokenCodec codec,
      ScopeCatalog scopes,
      TokenRules rules,
      AuthenticationPolicy policy,
      SessionTimeouts sessionTimeouts,
      AttemptBudgets budgets) {
    public static final Settings DEFAULT =
        new Settings(
            new TokenCodec(TokenCodec.DEFAULT_PREFIX),
            ScopeCatalog.standard(),
            TokenRules.DEFAULT,
            AuthenticationPolicy.DEFAULT);

    /** The rules with the default web UI session timeouts and budgets of failed attempts. */
    public Settings(
        TokenCodec codec, ScopeCatalog scopes, TokenRules rules, AuthenticationPolicy policy) {
      this(codec, scopes, rules, policy, SessionTimeouts.DEFAULT, AttemptBudgets.DEFAULT);
    }

    public Settings withSessionTimeouts(SessionTimeouts newSessionTimeouts) {
      return new Settings(codec, scopes, rules, policy, newSessionTimeouts, budgets);
    }

    public Settings withBudgets(AttemptBudgets newBudgets) {
      return new Settings(codec, scopes, rules, policy, sessionTimeouts, newBudgets);
    }
  }

  public final AuthenticationService authentication;
  public final TokenService tokens;
  public final PersonalTokenService personalTokens;
  public final ApplicationTokenService applicationTokens;
  public final AccountService accounts;
  public final UserAdministrationService users;
  public final ReadinessService readiness;
  public final DirectoryService directory;
  public final SessionService sessions;
  public final BulkDirectoryService bulkDirectory;
  public final ScopeService scopes;
  public final TokenPolicyService tokenPolicy;

  public TokensmithCore(Ports ports, Settings settings) {
    this.scopes = new ScopeService(settings.scopes(), ports.scopes(), ports.clock());
    TokenPolicy startPolicy =
        TokenPolicy.seed(settings.policy().personalTokenProfiles(), settings.rules());
    TokenPolicyStore policies =
        ports.policies() != null ? ports.policies() : new FixedTokenPolicy(startPolicy);
    this.tokenPolicy =
        new TokenPolicyService(
            policies, ports.tokens(), scopes::catalog, ports.audit(), ports.clock());
    FailedAttempts attempts = new FailedAttempts(ports.attempts(), settings.budgets());
    this.authentication =
        new AuthenticationService(
            settings.codec(),
            ports.tokens(),
            ports.digester(),
            ports.usage(),
            ports.failures(),
            new Authenticator(settings.policy(), settings.rules()),
            attempts,
            policies,
            ports.clock());
    this.tokens =
        new TokenService(
            ports.tokens(),
            settings.codec(),
            ports.digester(),
            ports.random(),
            ports.failures(),
            ports.audit(),
            ports.clock(),
            policies::current);
    this.personalTokens =
        new PersonalTokenService(
            ports.tokens(),
            ports.accounts(),
            settings.codec(),
            ports.digester(),
            ports.random(),
            scopes::catalog,
            policies::current,
            ports.audit(),
            ports.clock());
    this.applicationTokens =
        new ApplicationTokenService(
            ports.tokens(),
            ports.accounts(),
            settings.codec(),
            ports.digester(),
            ports.random(),
            scopes::catalog,
            policies::current,
            ports.audit(),
            ports.clock());
    this.accounts =
        new AccountService(
            ports.accounts(),
            ports.passwords(),
            settings.policy(),
            attempts,
            policies::current,
            ports.clock());
    this.users =
        new UserAdministrationService(
            ports.accounts(),
            ports.tokens(),
            ports.sessions(),
            ports.passwords(),
            ports.audit(),
            ports.clock());
    this.readiness = new ReadinessService(ports.probe());
    this.directory = new DirectoryService(ports.directory());
    this.sessions =
        new SessionService(
            ports.sessions(),
            ports.accounts(),
            ports.random(),
            settings.sessionTimeouts(),
            ports.clock());
    this.bulkDirectory = new BulkDirectoryService(ports.directory(), directory);
  }
}
