package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.PersonId;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.TokenOwner;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.authentication.RecordedFailure;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.Credential;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Refresh;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.Tombstone;
import dev.tokensmith.domain.token.Usage;
import io.vavr.control.Option;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rows the adapters read and their translation to domain values. The rows of the hot path
 * (tokens, users, tombstones, the lookup) are read by hand: JDBI's reflective constructor mapper
 * re-matches their columns on every query and made the authentication read several times slower;
 * the others are mapped by constructor.
 */
final class Rows {
  private Rows() {}

  /** A row of {@code tokens} with its owner's login or its organization's name. */
  record TokenRow(
      UUID id,
      String kind,
      @Nullable Long ownerUserId,
      @Nullable String ownerLogin,
      @Nullable String application,
      @Nullable String login,
      @Nullable String status,
      @Nullable Long organizationId,
      @Nullable String organizationName,
      @Nullable List<String> profiles,
      List<String> scopes,
      String digest,
      @Nullable String previousDigest,
      @Nullable Instant refreshedAt,
      Instant createdAt,
      @Nullable Instant expiresAt,
      long useCount,
      @Nullable Instant lastUsedAt,
      @Nullable String lastUsedIp,
      @Nullable Instant policyDeadline) {

    /** How many columns a token row has. */
    static final int COLUMNS = 20;

    /**
     * The row from the {@link #COLUMNS} columns {@code <prefix>id} onwards, in the order of {@code
     * TokenSql.tokenColumns}; null when there is no token.
     */
    static @Nullable TokenRow read(ResultSet row, String prefix) throws SQLException {
      return readAt(row, row.findColumn(prefix + "id"));
    }

    /**
     * The same from column {@code first} on: by position, as the driver's lookup by name rebuilds a
     * map of the column names for every result.
     */
    static @Nullable TokenRow readAt(ResultSet row, int first) throws SQLException {
      UUID id = row.getObject(first, UUID.class);
      if (id == null) {
        return null;
      }
      return new TokenRow(
          id,
          row.getString(first + 1),
          longOrNull(row, first + 2),
          row.getString(first + 3),
          row.getString(first + 4),
          row.getString(first + 5),
          row.getString(first + 6),
          longOrNull(row, first + 7),
          row.getString(first + 8),
          strings(row, first + 9),
          strings(row, first + 10),
          row.getString(first + 11),
          row.getString(first + 12),
          instant(row, first + 13),
          instant(row, first + 14),
          instant(row, first + 15),
          row.getLong(first + 16),
          instant(row, first + 17),
          row.getString(first + 18),
          instant(row, first + 19));
    }

    Token toToken() {
      Credential credential =
          new Credential(
              TokenId.of(id),
              scopes.stream().map(Scope::new).collect(Collectors.toSet()),
              new SecretDigest(digest),
              createdAt,
              Option.of(expiresAt),
              new Usage(useCount, Option.of(lastUsedAt), Option.of(lastUsedIp)),
              previousDigest == null
                  ? Option.none()
                  : Option.some(new Refresh(refreshedAt, new SecretDigest(previousDigest))),
              Option.of(policyDeadline));
      if (TokenKind.PERSONAL.code().equals(kind)) {
        return new PersonalToken(credential, new UserId(ownerUserId), ownerLogin, application);
      }
      return new ApplicationToken(
          credential,
          login,
          statusOf(status),
          new Organization(new OrganizationId(organizationId), organizationName),
          profilesOf(profiles));
    }
  }

  /** A user joined with its organization and its contact (with the contact's organization). */
  record UserRow(
      long id,
      String login,
      String status,
      List<String> profiles,
      long organizationId,
      String organizationName,
      long contactId,
      String contactFirstName,
      String contactName,
      String contactEmail,
      @Nullable String contactPhone,
      long contactOrganizationId,
      String contactOrganizationName) {

    /** The row from columns named {@code <prefix><column>}; null when there is no user. */
    static @Nullable UserRow read(ResultSet row, String prefix) throws SQLException {
      Long id = longOrNull(row, prefix + "id");
      if (id == null) {
        return null;
      }
      return new UserRow(
          id,
          row.getString(prefix + "login"),
          row.getString(prefix + "status"),
          strings(row, prefix + "profiles"),
          row.getLong(prefix + "organization_id"),
          row.getString(prefix + "organization_name"),
          row.getLong(prefix + "contact_id"),
          row.getString(prefix + "contact_first_name"),
          row.getString(prefix + "contact_name"),
          row.getString(prefix + "contact_email"),
          row.getString(prefix + "contact_phone"),
          row.getLong(prefix + "contact_organization_id"),
          row.getString(prefix + "contact_organization_name"));
    }

    User toUser() {
      Person contact =
          new Person(
              new PersonId(contactId),
              contactFirstName,
              contactName,
              contactEmail,
              Option.of(contactPhone),
              new Organization(new OrganizationId(contactOrganizationId), contactOrganizationName));
      return new User(
          new UserId(id),
          login,
          statusOf(status),
          new Organization(new OrganizationId(organizationId), organizationName),
          contact,
          profilesOf(profiles));
    }
  }

  /** A row of {@code token_tombstones}. */
  record TombstoneRow(UUID id, Instant deletedAt, String cause) {
    /** The row from columns named {@code <prefix><column>}; null when there is no tombstone. */
    static @Nullable TombstoneRow read(ResultSet row, String prefix) throws SQLException {
      UUID id = row.getObject(prefix + "id", UUID.class);
      if (id == null) {
        return null;
      }
      return new TombstoneRow(
          id, instant(row, prefix + "deleted_at"), row.getString(prefix + "cause"));
    }

    Tombstone toTombstone() {
      return new Tombstone(
          TokenId.of(id), deletedAt, Tombstone.Cause.valueOf(cause.toUpperCase(Locale.ROOT)));
    }
  }

  /**
   * The authentication read: the token's columns, then its owner's status and profiles (null for an
   * application token).
   */
  record LookupRow(
      TokenRow token, @Nullable String ownerStatus, @Nullable List<String> ownerProfiles) {
    static LookupRow read(ResultSet row) throws SQLException {
      int owner = 1 + TokenRow.COLUMNS;
      return new LookupRow(TokenRow.readAt(row, 1), row.getString(owner), strings(row, owner + 1));
    }

    /** The owner of a personal token; none for an application token or an owner that is gone. */
    Option<TokenOwner> owner() {
      if (ownerStatus == null || token.ownerUserId() == null) {
        return Option.none();
      }
      return Option.some(
          new TokenOwner(
              new UserId(token.ownerUserId()),
              token.ownerLogin(),
              statusOf(ownerStatus),
              profilesOf(ownerProfiles)));
    }
  }

  /** A row of {@code organizations}. */
  record OrganizationRow(long id, String name) {
    Organization toOrganization() {
      return new Organization(new OrganizationId(id), name);
    }
  }

  /** A row of {@code authentication_failures}. */
  record FailureRow(
      Instant failedAt, String reason, String message, String address, String endpoint) {
    RecordedFailure toFailure() {
      return new RecordedFailure(
          failedAt,
          FailureReason.ofCode(reason)
              .getOrElseThrow(() -> new IllegalStateException("unknown reason code " + reason)),
          message,
          address,
          endpoint);
    }
  }

  /** A row of {@code audit_events}. */
  record AuditRow(
      Instant occurredAt,
      String actor,
      String ownerLogin,
      UUID tokenId,
      String action,
      String detail) {
    AuditEvent toEvent() {
      return new AuditEvent(
          occurredAt,
          actor,
          ownerLogin,
          TokenId.of(tokenId),
          AuditEvent.Action.valueOf(action.toUpperCase(Locale.ROOT)),
          detail);
    }
  }

  private static @Nullable Long longOrNull(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static @Nullable Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static @Nullable List<String> strings(ResultSet row, int column) throws SQLException {
    Array array = row.getArray(column);
    if (array == null) {
      return null;
    }
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  private static @Nullable Long longOrNull(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static @Nullable List<String> strings(ResultSet row, String column) throws SQLException {
    Array array = row.getArray(column);
    if (array == null) {
      return null;
    }
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  static Status statusOf(String code) {
    return Status.parse(code)
        .getOrElseThrow(() -> new IllegalStateException("unknown status code " + code));
  }

  static Set<Profile> profilesOf(Collection<String> names) {
    return names.stream().map(Profile::new).collect(Collectors.toSet());
  }

  /** Profile or scope names in a stable order, for a {@code text[]} column. */
  static String[] names(Collection<?> values) {
    return values.stream().map(Object::toString).sorted().toArray(String[]::new);
  }

  static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
