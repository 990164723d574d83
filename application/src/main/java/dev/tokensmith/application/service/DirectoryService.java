package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.CountDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.CreateDirectoryObjectUseCase;
import dev.tokensmith.application.port.in.DeleteDirectoryObjectUseCase;
import dev.tokensmith.application.port.in.DirectoryDeletion;
import dev.tokensmith.application.port.in.FindDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.UpdateDirectoryObjectUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.out.DeleteOutcome;
import dev.tokensmith.application.port.out.DirectoryConflict;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.PersonChanges;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The directory as iTop clients use it: reading Persons and Organizations (any profile) and Users
 * (administrators), writing Persons and Organizations (Administrator or Directory Manager), with
 * iTop's permission messages.
 */
public final class DirectoryService
    implements FindDirectoryObjectsUseCase,
        CountDirectoryObjectsUseCase,
        CreateDirectoryObjectUseCase,
        UpdateDirectoryObjectUseCase,
        DeleteDirectoryObjectUseCase {
  private final DirectoryStore store;

  public DirectoryService(DirectoryStore store) {
    this.store = store;
  }

  /** The store this service reads and writes, for the services that write in batches. */
  DirectoryStore store() {
    return store;
  }

  @Override
  public Either<UseCaseFailure, List<DirectoryRecord>> find(
      Principal actor, ObjectQuery query, int limit, int offset) {
    Objects.requireNonNull(query, "query");
    if (limit < 1) {
      return Either.left(new InvalidInput("limit", "limit must be at least 1"));
    }
    if (offset < 0) {
      return Either.left(new InvalidInput("offset", "offset must not be negative"));
    }
    return readable(actor, query).map(checked -> store.find(checked, limit, offset));
  }

  @Override
  public Either<UseCaseFailure, Long> count(Principal actor, ObjectQuery query) {
    Objects.requireNonNull(query, "query");
    return readable(actor, query).map(store::count);
  }

  @Override
  public Either<UseCaseFailure, DirectoryRecord> create(
      Principal actor, DirectoryClass directoryClass, Map<String, ?> fields) {
    Objects.requireNonNull(directoryClass, "directoryClass");
    return mayWrite(actor, directoryClass, "creating")
        .flatMap(allowed -> DirectoryFields.read(directoryClass, fields))
        .flatMap(
            read ->
                directoryClass == DirectoryClass.PERSON
                    ? createPerson(read)
                    : createOrganization(read));
  }

  @Override
  public Either<UseCaseFailure, DirectoryRecord> update(
      Principal actor, DirectoryClass directoryClass, long id, Map<String, ?> fields) {
    Objects.requireNonNull(directoryClass, "directoryClass");
    return mayWrite(actor, directoryClass, "modifying")
        .flatMap(allowed -> DirectoryFields.read(directoryClass, fields))
        .flatMap(
            read ->
                byId(directoryClass, id)
                    .toEither(() -> (UseCaseFailure) invalidObject(directoryClass, id))
                    .flatMap(
                        existing ->
                            directoryClass == DirectoryClass.PERSON
                                ? updatePerson(id, read)
                                : updateOrganization(existing, read)));
  }

  @Override
  public Either<UseCaseFailure, List<DirectoryDeletion>> delete(
      Principal actor, ObjectQuery query, boolean simulate) {
    Objects.requireNonNull(query, "query");
    DirectoryClass directoryClass = query.directoryClass();
    return mayWrite(actor, directoryClass, "deleting")
        .flatMap(allowed -> checked(query))
        .map(
            checked -> {
              List<DirectoryDeletion> deletions = new ArrayList<>();
              for (DirectoryRecord record : store.find(checked, Integer.MAX_VALUE, 0)) {
                DeleteOutcome outcome =
                    directoryClass == DirectoryClass.PERSON
                        ? store.deletePerson(record.id(), simulate)
                        : store.deleteOrganization(record.id(), simulate);
                deletionOf(outcome).forEach(deletions::add);
              }
              return List.copyOf(deletions);
            });
  }

  /**
   * What to report for one outcome; none for an object that someone else deleted since it was
   * found.
   */
  static Option<DirectoryDeletion> deletionOf(DeleteOutcome outcome) {
    if (outcome instanceof DeleteOutcome.Deleted deleted) {
      return Option.some(new DirectoryDeletion(deleted.record(), Option.none()));
    }
    if (outcome instanceof DeleteOutcome.InUse inUse) {
      return Option.some(new DirectoryDeletion(inUse.record(), Option.some(inUse.reason())));
    }
    if (outcome instanceof DeleteOutcome.NotFound) {
      return Option.none();
    }
    throw new IllegalArgumentException("no report for " + outcome.getClass());
  }

  private Either<UseCaseFailure, DirectoryRecord> createPerson(DirectoryFields fields) {
    return newPerson(fields, this::organization).map(store::createPerson);
  }

  /**
   * The person {@code fields} create, checked as {@link #create} checks them, its organization read
   * through {@code organizations}; not written.
   */
  static Either<UseCaseFailure, NewPerson> newPerson(
      DirectoryFields fields, Function<Long, Either<UseCaseFailure, Organization>> organizations) {
    Option<UseCaseFailure> missing = fields.missing("first_name", "name", "email", "org_id");
    if (missing.isDefined()) {
      return Either.left(missing.get());
    }
    return organizations
        .apply(fields.organizationId().get())
        .map(
            organization ->
                new NewPerson(
                    fields.text("first_name").get(),
                    fields.text("name").get(),
                    fields.text("email").get(),
                    fields.text("phone").filter(phone -> !phone.isEmpty()),
                    fields.text("status").getOrElse(DirectoryRecord.ACTIVE),
                    organization));
  }

  private Either<UseCaseFailure, DirectoryRecord> createOrganization(DirectoryFields fields) {
    Option<UseCaseFailure> missing = fields.missing("name");
    if (missing.isDefined()) {
      return Either.left(missing.get());
    }
    return store
        .createOrganization(fields.text("name").get())
        .mapLeft(DirectoryService::conflict)
        .map(
            created ->
                fields
                    .text("status")
                    .filter(status -> !status.equals(created.field("status")))
                    .flatMap(status -> store.setOrganizationStatus(created.id(), status))
                    .getOrElse(created));
  }

  private Either<UseCaseFailure, DirectoryRecord> updatePerson(long id, DirectoryFields fields) {
    return personChanges(fields, this::organization)
        .flatMap(
            changes ->
                store
                    .updatePerson(id, changes)
                    .toEither(() -> invalidObject(DirectoryClass.PERSON, id)));
  }

  /**
   * The changes of a person {@code fields} make, checked as {@link #update} checks them, the
   * organization read through {@code organizations}; not written.
   */
  static Either<UseCaseFailure, PersonChanges> personChanges(
      DirectoryFields fields, Function<Long, Either<UseCaseFailure, Organization>> organizations) {
    Either<UseCaseFailure, Option<OrganizationId>> organization =
        fields.organizationId().isEmpty()
            ? Either.right(Option.none())
            : organizations
                .apply(fields.organizationId().get())
                .map(found -> Option.some(found.id()));
    return organization.map(
        organizationId ->
            new PersonChanges(
                fields.text("first_name"),
                fields.text("name"),
                fields.text("email"),
                fields.text("phone"),
                fields.text("status"),
                organizationId));
  }

  private Either<UseCaseFailure, DirectoryRecord> updateOrganization(
      DirectoryRecord existing, DirectoryFields fields) {
    Either<UseCaseFailure, DirectoryRecord> renamed =
        fields.text("name").isEmpty()
            ? Either.right(existing)
            : store
                .updateOrganization(existing.id(), fields.text("name").get())
                .mapLeft(DirectoryService::conflict)
                .flatMap(
                    updated ->
                        updated.toEither(
                            () -> invalidObject(DirectoryClass.ORGANIZATION, existing.id())));
    if (renamed.isLeft() || fields.text("status").isEmpty()) {
      return renamed;
    }
    return store
        .setOrganizationStatus(existing.id(), fields.text("status").get())
        .toEither(() -> invalidObject(DirectoryClass.ORGANIZATION, existing.id()));
  }

  /** The organization {@code org_id} names, or iTop's message for an external key of nothing. */
  Either<UseCaseFailure, Organization> organization(long id) {
    return byId(DirectoryClass.ORGANIZATION, id)
        .map(record -> new Organization(new OrganizationId(id), record.field("name")))
        .toEither(
            () ->
                new InvalidInput(
                    "org_id",
                    "org_id: " + invalidObject(DirectoryClass.ORGANIZATION, id).message()));
  }

  private Option<DirectoryRecord> byId(DirectoryClass directoryClass, long id) {
    if (id <= 0) {
      return Option.none();
    }
    Criteria byId = new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(id));
    return Option.ofOptional(
        store.find(new ObjectQuery(directoryClass, byId), 1, 0).stream().findFirst());
  }

  private Either<UseCaseFailure, ObjectQuery> readable(Principal actor, ObjectQuery query) {
    return mayRead(actor, query.directoryClass()).flatMap(allowed -> checked(query));
  }

  private static Either<UseCaseFailure, ObjectQuery> checked(ObjectQuery query) {
    for (String attribute : query.criteria().attributes()) {
      if (!query.directoryClass().hasAttribute(attribute)) {
        return Either.left(
            new InvalidInput(attribute, ObjectQuery.unknownAttributeMessage(attribute)));
      }
    }
    if (!query.criteria().texts().stream().allMatch(DirectoryText::isWellFormed)) {
      return Either.left(
          new InvalidInput(
              "query", "the query holds a text that is not valid Unicode (a lone surrogate)"));
    }
    return Either.right(query);
  }

  static Either<UseCaseFailure, DirectoryClass> mayRead(
      Principal actor, DirectoryClass directoryClass) {
    boolean allowed =
        directoryClass == DirectoryClass.USER
            ? actor.isAdministrator()
            : !actor.profiles().isEmpty();
    return allowed
        ? Either.right(directoryClass)
        : Either.left(notEnoughPermissions("reading", directoryClass, ""));
  }

  static Either<UseCaseFailure, DirectoryClass> mayWrite(
      Principal actor, DirectoryClass directoryClass, String doing) {
    if (!directoryClass.isWritable()) {
      return Either.left(
          notEnoughPermissions(
              doing,
              directoryClass,
              " (" + directoryClass.className() + " is read-only in the directory)"));
    }
    boolean allowed = actor.isAdministrator() || actor.holds(Profile.DIRECTORY_MANAGER);
    return allowed
        ? Either.right(directoryClass)
        : Either.left(notEnoughPermissions(doing, directoryClass, ""));
  }

  private static UseCaseFailure notEnoughPermissions(
      String doing, DirectoryClass directoryClass, String why) {
    return new UseCaseFailure.Forbidden(
        "The current user does not have enough permissions for "
            + doing
            + " data of class "
            + directoryClass.className()
            + why);
  }

  private static UseCaseFailure.NotFound invalidObject(DirectoryClass directoryClass, long id) {
    return new UseCaseFailure.NotFound("Invalid object " + directoryClass.className() + "::" + id);
  }

  private static UseCaseFailure conflict(DirectoryConflict conflict) {
    return new UseCaseFailure.Conflict(conflict.attribute(), conflict.message());
  }
}
