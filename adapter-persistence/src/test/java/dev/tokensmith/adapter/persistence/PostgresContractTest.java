package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.contract.AbstractAccountDirectoryContractTest;
import dev.tokensmith.application.contract.AbstractAuditLogContractTest;
import dev.tokensmith.application.contract.AbstractAuthenticationFailureLogContractTest;
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
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.TokenId;
import java.security.SecureRandom;
import org.junit.jupiter.api.Nested;

/**
 * The out-port contracts, run against the JDBI adapters on PostgreSQL, HMAC and Argon2id token
 * digests and Argon2id passwords.
 */
class PostgresContractTest {
  @Nested
  class TokenStoreContract extends AbstractTokenStoreContractTest {
    @Override
    protected AccountDirectory accounts() {
      return TestDatabase.adapters().accounts();
    }

    @Override
    protected TokenStore tokens() {
      return TestDatabase.adapters().tokens();
    }

    @Override
    protected UsageRecorder usage() {
      return TestDatabase.adapters().usage();
    }
  }

  @Nested
  class SessionStoreContract extends AbstractSessionStoreContractTest {
    @Override
    protected AccountDirectory accounts() {
      return TestDatabase.adapters().accounts();
    }

    @Override
    protected SessionStore sessions() {
      return TestDatabase.adapters().sessions();
    }
  }

  @Nested
  class AccountDirectoryContract extends AbstractAccountDirectoryContractTest {
    @Override
    protected AccountDirectory accounts() {
      return TestDatabase.adapters().accounts();
    }
  }

  @Nested
  class SynchroStoreContract extends AbstractSynchroStoreContractTest {
    @Override
    protected SynchroStore store() {
      return TestDatabase.adapters().synchro();
    }
  }

  @Nested
  class DirectoryStoreContract extends AbstractDirectoryStoreContractTest {
    @Override
    protected AccountDirectory accounts() {
      return TestDatabase.adapters().accounts();
    }

    @Override
    protected TokenStore tokens() {
      return TestDatabase.adapters().tokens();
    }

    @Override
    protected DirectoryStore directory() {
      return TestDatabase.adapters().directory();
    }
  }

  @Nested
  class FailedAttemptCounterContract extends AbstractFailedAttemptCounterContractTest {
    @Override
    protected FailedAttemptCounter counter() {
      return TestDatabase.adapters().attempts();
    }
  }

  @Nested
  class FailureLogContract extends AbstractAuthenticationFailureLogContractTest {
    @Override
    protected AuthenticationFailureLog log() {
      return TestDatabase.adapters().failures();
    }

    /** The log keeps failures of stored tokens only, so each id is a new stored token's. */
    @Override
    protected TokenId loggableTokenId() {
      PostgresAdapters adapters = TestDatabase.adapters();
      PersonalToken token =
          ContractFixtures.personalToken(
              ContractFixtures.user(adapters.accounts(), Profile.REST_SERVICES_USER));
      adapters.tokens().add(token);
      return token.id();
    }
  }

  @Nested
  class AuditLogContract extends AbstractAuditLogContractTest {
    @Override
    protected AuditLog audit() {
      return TestDatabase.adapters().audit();
    }
  }

  @Nested
  class DigesterContract extends AbstractTokenDigesterContractTest {
    private final TokenDigester digester =
        new HmacTokenDigester(Peppers.generate(new SecureRandom()));

    @Override
    protected TokenDigester digester() {
      return digester;
    }
  }

  @Nested
  class Argon2DigesterContract extends AbstractTokenDigesterContractTest {
    private final TokenDigester digester =
        new Argon2TokenDigester(
            Peppers.generate(new SecureRandom()), Argon2PasswordHasher.Cost.MINIMUM, 100);

    @Override
    protected TokenDigester digester() {
      return digester;
    }

    @Override
    protected boolean deterministic() {
      return false;
    }
  }

  @Nested
  class PasswordHasherContract extends AbstractPasswordHasherContractTest {
    private final PasswordHasher hasher = new Argon2PasswordHasher();

    @Override
    protected PasswordHasher hasher() {
      return hasher;
    }
  }

  @Nested
  class ScopeRegistryContract extends AbstractScopeRegistryContractTest {
    @Override
    protected ScopeRegistry registry() {
      return TestDatabase.adapters().scopes();
    }
  }

  @Nested
  class TokenPolicyStoreContract
      extends dev.tokensmith.application.contract.AbstractTokenPolicyStoreContractTest {
    @Override
    protected dev.tokensmith.application.port.out.TokenPolicyStore policies() {
      return TestDatabase.adapters().policies();
    }

    /** The policy row is global: other tests expect none (the start-up one applies). */
    @org.junit.jupiter.api.BeforeEach
    @org.junit.jupiter.api.AfterEach
    void removeThePolicy() {
      TestDatabase.adapters().jdbi().useHandle(h -> h.execute("DELETE FROM token_policy"));
    }
  }
}
