package dev.tokensmith.adapter.persistence;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Base62;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenCodec;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.TokenSecret;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Creates users with known passwords and tokens with known secrets through the adapters, refreshes
 * one, then scans every text, array and bytea column of every table for them.
 */
class NoPlaintextAtRestTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PostgresAdapters adapters = TestDatabase.adapters();
  private final HmacTokenDigester digester = new HmacTokenDigester(Peppers.generate(RANDOM));
  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();
  private final TokenCodec codec = new TokenCodec(TokenCodec.DEFAULT_PREFIX);

  private final List<String> secretTexts = new ArrayList<>();
  private final List<byte[]> secretBytes = new ArrayList<>();

  private TokenSecret secret() {
    byte[] bytes = new byte[TokenSecret.BYTES];
    RANDOM.nextBytes(bytes);
    secretBytes.add(bytes.clone());
    secretTexts.add(Base64.getEncoder().encodeToString(bytes));
    secretTexts.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    secretTexts.add(HexFormat.of().formatHex(bytes));
    secretTexts.add(Base62.encode(bytes, TokenSecret.TEXT_LENGTH));
    return new TokenSecret(bytes);
  }

  private void tokenValue(TokenKind kind, TokenId id, TokenSecret secret) {
    String value = codec.format(kind, id, secret).reveal();
    secretTexts.add(value);
    // the secret and checksum part alone, as a scanner would quote it
    secretTexts.add(value.substring(value.length() - TokenSecret.TEXT_LENGTH - 6));
  }

  private Password password(String text) {
    secretTexts.add(text);
    secretBytes.add(text.getBytes(StandardCharsets.UTF_8));
    return Password.of(text);
  }

  @Test
  void noTokenSecretNorPasswordIsStoredInAnyColumn() {
    Organization organization =
        adapters.accounts().addOrganization(ContractFixtures.unique("Org "));
    User user =
        adapters
            .accounts()
            .addUser(
                new NewUser(
                    ContractFixtures.unique("plain"),
                    Status.ENABLED,
                    organization,
                    Set.of(Profile.REST_SERVICES_USER),
                    new NewPerson(
                        "Ada", "Lovelace", "ada@example.com", Option.none(), organization)),
                hasher.hash(password("first password " + ContractFixtures.unique(""))));
    adapters
        .accounts()
        .setPasswordHash(
            user.id(), hasher.hash(password("second password " + ContractFixtures.unique(""))));

    TokenId personalId = ContractFixtures.randomId();
    TokenSecret personalSecret = secret();
    tokenValue(TokenKind.PERSONAL, personalId, personalSecret);
    PersonalToken personal =
        new PersonalToken(
            Credential.issued(
                personalId,
                Set.of(Scope.REST),
                digester.digest(personalId, personalSecret),
                T0,
                Option.none()),
            user.id(),
            user.login(),
            "backup script");
    adapters.tokens().add(personal);

    TokenId applicationId = ContractFixtures.randomId();
    TokenSecret applicationSecret = secret();
    tokenValue(TokenKind.APPLICATION, applicationId, applicationSecret);
    adapters
        .tokens()
        .add(
            new ApplicationToken(
                Credential.issued(
                    applicationId,
                    Set.of(Scope.SYNCHRO),
                    digester.digest(applicationId, applicationSecret),
                    T0,
                    Option.none()),
                ContractFixtures.unique("collector"),
                Status.ENABLED,
                organization,
                Set.of(Profile.REST_SERVICES_USER)));

    TokenSecret refreshedSecret = secret();
    tokenValue(TokenKind.PERSONAL, personalId, refreshedSecret);
    Token refreshed =
        personal.withCredential(
            personal
                .credential()
                .refreshed(digester.digest(personalId, refreshedSecret), T0.plusSeconds(60)));
    assertThat(adapters.tokens().update(refreshed, personal.credential().digest()))
        .isEqualTo(TokenStore.UpdateOutcome.UPDATED);
    adapters.usage().recordUse(personalId, T0.plusSeconds(61), "192.0.2.1");
    adapters.usage().flushUses();
    adapters
        .failures()
        .record(
            personalId,
            new RecordedFailure(
                T0.plusSeconds(62),
                FailureReason.TOKEN_REFRESHED,
                "This token was refreshed.",
                "192.0.2.1",
                "GET /api/v1/tokens/self"));
    adapters
        .audit()
        .record(
            new AuditEvent(
                T0, user.login(), user.login(), personalId, AuditEvent.Action.REFRESHED, ""));

    List<String> hits = new ArrayList<>();
    adapters
        .jdbi()
        .useHandle(
            handle -> {
              // the scanner finds what is stored: the login and the current digest
              assertThat(scan(handle, List.of(user.login()), List.of())).isNotEmpty();
              assertThat(
                      scan(
                          handle,
                          List.of(digester.digest(personalId, refreshedSecret).encoded()),
                          List.of()))
                  .isNotEmpty();
              hits.addAll(scan(handle, secretTexts, secretBytes));
            });
    assertThat(hits).isEmpty();
  }

  /** Where any of the texts or byte strings occurs, as {@code table.column}. */
  private static List<String> scan(Handle handle, List<String> texts, List<byte[]> bytes) {
    List<Column> columns =
        handle
            .createQuery(
                """
                SELECT c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c
                JOIN information_schema.tables t
                  ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('text', 'character varying', 'character', 'bytea',
                                      'ARRAY', 'json', 'jsonb')
                ORDER BY c.table_name, c.column_name
                """)
            .map((rs, ctx) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    assertThat(columns).extracting(Column::table).contains("tokens", "users", "token_tombstones");
    List<String> hits = new ArrayList<>();
    for (Column column : columns) {
      String from = " FROM \"" + column.table() + "\" WHERE ";
      String value = "\"" + column.name() + "\"";
      for (String text : texts) {
        String condition =
            column.type().equals("bytea")
                ? "strpos(encode(" + value + ", 'escape'), :needle) > 0"
                : "strpos(CAST(" + value + " AS text), :needle) > 0";
        if (count(handle, "SELECT count(*)" + from + condition, text) > 0) {
          hits.add(column.table() + "." + column.name());
        }
      }
      if (column.type().equals("bytea")) {
        for (byte[] needle : bytes) {
          if (count(
                  handle,
                  "SELECT count(*)" + from + "position(:needle IN " + value + ") > 0",
                  needle)
              > 0) {
            hits.add(column.table() + "." + column.name());
          }
        }
      }
    }
    return hits;
  }

  private static long count(Handle handle, String sql, Object needle) {
    return handle.createQuery(sql).bind("needle", needle).mapTo(Long.class).one();
  }

  private record Column(String table, String name, String type) {}
}
