package dev.tokensmith.application.contract;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.PasswordHash;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Builders shared by the out-port contract tests. */
public final class ContractFixtures {
  /** A time with microsecond precision, as PostgreSQL keeps it. */
  public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

  private ContractFixtures() {}

  public static String unique(String prefix) {
    return prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
  }

  public static TokenId randomId() {
    return new TokenId(
        ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
  }

  public static SecretDigest digest(String data) {
    return new SecretDigest("hmac-sha256$k1$" + data);
  }

  public static Organization organization(AccountDirectory accounts) {
    return accounts.addOrganization(unique("Org "));
  }

  public static User user(AccountDirectory accounts, Profile... profiles) {
    Organization organization = organization(accounts);
    return accounts.addUser(
        new NewUser(
            unique("user"),
            Status.ENABLED,
            organization,
            Set.of(profiles),
            new NewPerson(
                "Ada", "Lovelace", "ada@example.com", Option.some("+33 1 23"), organization)),
        new PasswordHash("fake$1$salt$hash"));
  }

  public static PersonalToken personalToken(User owner) {
    return new PersonalToken(
        Credential.issued(
            randomId(),
            Set.of(Scope.REST, Scope.EXPORT),
            digest("current"),
            T0,
            Option.some(T0.plus(30, ChronoUnit.DAYS))),
        owner.id(),
        owner.login(),
        "nightly export");
  }

  public static ApplicationToken applicationToken(Organization organization) {
    return new ApplicationToken(
        Credential.issued(randomId(), Set.of(Scope.SYNCHRO), digest("app"), T0, Option.none()),
        unique("collector"),
        Status.ENABLED,
        organization,
        Set.of(Profile.REST_SERVICES_USER));
  }
}
