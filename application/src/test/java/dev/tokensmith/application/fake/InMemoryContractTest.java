package dev.tokensmith.application.fake;

import dev.tokensmith.application.contract.AbstractAccountDirectoryContractTest;
import dev.tokensmith.application.contract.AbstractAuditLogContractTest;
import dev.tokensmith.application.contract.AbstractAuthenticationFailureLogContractTest;
import dev.tokensmith.application.contract.AbstractBulkImportContractTest;
import dev.tokensmith.application.contract.AbstractDirectoryStoreContractTest;
import dev.tokensmith.application.contract.AbstractFailedAttemptCounterContractTest;
import dev.tokensmith.application.contract.AbstractPasswordHasherContractTest;
import dev.tokensmith.application.contract.AbstractScopeRegistryContractTest;
import dev.tokensmith.application.contract.AbstractSessionStoreContractTest;
import dev.tokensmith.application.contract.AbstractSynchroStoreContractTest;
import dev.tokensmith.application.contract.AbstractTokenDigesterContractTest;
import dev.tokensmith.application.contract.AbstractTokenStoreContractTest;
import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.AuditLog;
import dev.tokensmith.application.port.out.AuthenticationFailureLog;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.FailedAttemptCounter;
import dev.tokensmith.application.port.out.PasswordHasher;
import dev.tokensmith.application.port.out.ScopeRegistry;
import dev.tokensmith.application.port.out.SessionStore;
import dev.tokensmith.application.port.out.SynchroStore;
import dev.tokensmith.application.port.out.TokenDigester;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.application.port.out.UsageRecorder;
import dev.tokensmith.domain.token.TokenId;
import org.junit.jupiter.api.Nested;

/** The out-port contracts, run against the in-memory adapters. */
class InMemoryContractTest {
  @Nested
  class TokenStoreContract extends AbstractTokenStoreContractTest {
    private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore(accounts);

    @Override
    protected AccountDirectory accounts() {
      return accounts;
    }

    @Override
    protected TokenStore tokens() {
      return tokens;
    }

    @Override
    protected UsageRecorder usage() {
      return tokens;
    }
  }

  @Nested
  class SessionStoreContract extends AbstractSessionStoreContractTest {
    private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
    private final InMemorySessionStore sessions = new InMemorySessionStore(accounts);

    @Override
    protected AccountDirectory accounts() {
      return accounts;
    }

    @Override
    protected SessionStore sessions() {
      return sessions;
    }
  }

  @Nested
  class AccountDirectoryContract extends AbstractAccountDirectoryContractTest {
    private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();

    @Override
    protected AccountDirectory accounts() {
      return accounts;
    }
  }

  @Nested
  class DirectoryStoreContract extends AbstractDirectoryStoreContractTest {
    private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore(accounts);
    private final InMemoryDirectoryStore directory = new InMemoryDirectoryStore(accounts, tokens);

    @Override
    protected AccountDirectory accounts() {
      return accounts;
    }

    @Override
    protected TokenStore tokens() {
      return tokens;
    }

    @Override
    protected DirectoryStore directory() {
      return directory;
    }
  }

  @Nested
  class BulkImportContract extends AbstractBulkImportContractTest {
    private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
    private final InMemoryDirectoryStore directory =
        new InMemoryDirectoryStore(accounts, new InMemoryTokenStore(accounts));

    @Override
    protected AccountDirectory accounts() {
      return accounts;
    }

    @Override
    protected DirectoryStore directory() {
      return directory;
    }
  }

  @Nested
  class FailedAttemptCounterContract extends AbstractFailedAttemptCounterContractTest {
    private final InMemoryFailedAttemptCounter counter = new InMemoryFailedAttemptCounter();

    @Override
    protected FailedAttemptCounter counter() {
      return counter;
    }
  }

  @Nested
  class FailureLogContract extends AbstractAuthenticationFailureLogContractTest {
    private final InMemoryAuthenticationFailureLog log = new InMemoryAuthenticationFailureLog();

    @Override
    protected AuthenticationFailureLog log() {
      return log;
    }

    @Override
    protected TokenId loggableTokenId() {
      return ContractFixtures.randomId();
    }
  }

  @Nested
  class AuditLogContract extends AbstractAuditLogContractTest {
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    @Override
    protected AuditLog audit() {
      return audit;
    }
  }

  @Nested
  class DigesterContract extends AbstractTokenDigesterContractTest {
    @Override
    protected TokenDigester digester() {
      return new FakeTokenDigester();
    }
  }

  @Nested
  class PasswordHasherContract extends AbstractPasswordHasherContractTest {
    private final FakePasswordHasher hasher = new FakePasswordHasher();

    @Override
    protected PasswordHasher hasher() {
      return hasher;
    }
  }

  @Nested
  class SynchroStoreContract extends AbstractSynchroStoreContractTest {
    private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
    private final InMemorySynchroStore store =
        new InMemorySynchroStore(
            new InMemoryDirectoryStore(accounts, new InMemoryTokenStore(accounts)));

    @Override
    protected SynchroStore store() {
      return store;
    }
  }

  @Nested
  class ScopeRegistryContract extends AbstractScopeRegistryContractTest {
    private final InMemoryScopeRegistry registry = new InMemoryScopeRegistry();

    @Override
    protected ScopeRegistry registry() {
      return registry;
    }
  }

  @Nested
  class TokenPolicyStoreContract
      extends dev.tokensmith.application.contract.AbstractTokenPolicyStoreContractTest {
    private final InMemoryTokenPolicyStore policies =
        new InMemoryTokenPolicyStore(
            dev.tokensmith.domain.policy.TokenPolicy.seed(
                java.util.Set.of(dev.tokensmith.domain.account.Profile.REST_SERVICES_USER),
                dev.tokensmith.domain.token.TokenRules.DEFAULT));

    @Override
    protected dev.tokensmith.application.port.out.TokenPolicyStore policies() {
      return policies;
    }
  }
}
