package dev.tokensmith.adapter.persistence;

import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.PersonId;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
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
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.PropagateNull;
import org.jspecify.annotations.Nullable;

/** The rows the adapters read, mapped by constructor, and their translation to domain values. */
final class Rows {
  private Rows() {}

  /** A row of {@code tokens} with its owner's login or its organization's name. */
  record TokenRow(
      @PropagateNull UUID id,
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
      @Nullable String lastUsedIp) {

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
                  : Option.some(new Refresh(refreshedAt, new SecretDigest(previousDigest))));
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
      @PropagateNull Long id,
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
  record TombstoneRow(@PropagateNull UUID id, Instant deletedAt, String cause) {
    Tombstone toTombstone() {
      return new Tombstone(
          TokenId.of(id), deletedAt, Tombstone.Cause.valueOf(cause.toUpperCase(Locale.ROOT)));
    }
  }

  /** The authentication read: the token, its owning user and the tombstone, any may be absent. */
  record LookupRow(
      @Nested("t") @Nullable TokenRow token,
      @Nested("u") @Nullable UserRow owner,
      @Nested("d") @Nullable TombstoneRow tombstone) {}

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
