package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.DirectoryDeletion;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.UseCaseFailure.Conflict;
import dev.tokensmith.application.port.in.UseCaseFailure.Forbidden;
import dev.tokensmith.application.port.in.UseCaseFailure.InvalidInput;
import dev.tokensmith.application.port.in.UseCaseFailure.NotFound;
import dev.tokensmith.application.port.out.DeleteOutcome;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.directory.ComparisonOperator;
import dev.tokensmith.domain.directory.Criteria;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import dev.tokensmith.domain.directory.Literal;
import dev.tokensmith.domain.directory.ObjectQuery;
import dev.tokensmith.domain.token.ApplicationToken;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rights, validation and results of the directory use cases, on the in-memory core. */
class DirectoryServiceTest {
  private final InMemoryTokensmith world = new InMemoryTokensmith();
  private final DirectoryService directory = world.core.directory;
  private final User root = world.user("root", Profile.ADMINISTRATOR);
  private final User manager = world.user("manager", Profile.DIRECTORY_MANAGER);
  private final User reader = world.user("reader", Profile.DIRECTORY_READER);
  private final User rest = world.user("rest", Profile.REST_SERVICES_USER);
  private final User nobody = world.user("nobody");
  private final long company = world.organization.id().value();

  // ---- reading ----

  @Test
  void anyProfileReadsPersonsAndOrganizations() {
    for (Principal actor : List.of(root, manager, reader, rest)) {
      assertThat(directory.find(actor, ObjectQuery.all(DirectoryClass.PERSON), 100, 0).get())
          .as(actor.login())
          .extracting(record -> record.field("email"))
          .contains("root@example.com", "nobody@example.com");
      assertThat(directory.count(actor, ObjectQuery.all(DirectoryClass.ORGANIZATION)))
          .isEqualTo(Either.right(1L));
    }
  }

  @Test
  void aPrincipalWithoutAnyProfileReadsNothing() {
    assertThat(directory.find(nobody, ObjectQuery.all(DirectoryClass.PERSON), 10, 0).getLeft())
        .isEqualTo(
            new Forbidden(
                "The current user does not have enough permissions for reading data of class"
                    + " Person"));
    assertThat(directory.count(nobody, ObjectQuery.all(DirectoryClass.ORGANIZATION)).getLeft())
        .isEqualTo(
            new Forbidden(
                "The current user does not have enough permissions for reading data of class"
                    + " Organization"));
  }

  @Test
  void onlyAdministratorsReadUsers() {
    ObjectQuery users = ObjectQuery.all(DirectoryClass.USER);
    assertThat(directory.find(root, users, 10, 0).get())
        .extracting(DirectoryRecord::friendlyName)
        .containsExactly("root", "manager", "reader", "rest", "nobody");
    Forbidden refused =
        new Forbidden(
            "The current user does not have enough permissions for reading data of class User");
    for (Principal actor : List.of(manager, reader, rest, nobody)) {
      assertThat(directory.find(actor, users, 10, 0).getLeft()).isEqualTo(refused);
      assertThat(directory.count(actor, users).getLeft()).isEqualTo(refused);
    }
  }

  @Test
  void anApplicationTokenReadsWithItsOwnProfiles() {
    ApplicationToken collector = ContractFixtures.applicationToken(world.organization);
    assertThat(directory.count(collector, ObjectQuery.all(DirectoryClass.PERSON)))
        .isEqualTo(Either.right(5L));
    assertThat(
            directory
                .create(collector, DirectoryClass.ORGANIZATION, Map.of("name", "Collected"))
                .getLeft())
        .isInstanceOf(Forbidden.class);
    ApplicationToken syncer =
        collector.withPrincipal(
            collector.status(), collector.organization(), Set.of(Profile.DIRECTORY_MANAGER));
    assertThat(
            directory
                .create(syncer, DirectoryClass.ORGANIZATION, Map.of("name", "Collected"))
                .isRight())
        .isTrue();
  }

  @Test
  void aQueryOnAnAttributeTheClassLacksIsInvalidInput() {
    ObjectQuery query =
        new ObjectQuery(
            DirectoryClass.ORGANIZATION,
            new Criteria.Comparison("email", ComparisonOperator.EQUAL, Literal.of("x")));
    InvalidInput unknown = new InvalidInput("email", "email: Unknown attribute");
    assertThat(directory.find(root, query, 10, 0).getLeft()).isEqualTo(unknown);
    assertThat(directory.count(root, query).getLeft()).isEqualTo(unknown);
    assertThat(directory.delete(root, query, true).getLeft()).isEqualTo(unknown);
  }

  @Test
  void aQueryOrAFieldWithALoneSurrogateIsInvalidInput() {
    ObjectQuery query =
        new ObjectQuery(DirectoryClass.PERSON, new Criteria.Like("name", "%\uD800%", false));
    assertThat(directory.find(root, query, 10, 0).getLeft().message())
        .isEqualTo("the query holds a text that is not valid Unicode (a lone surrogate)");
    assertThat(invalidWith("first_name", "Ada\uDC00"))
        .isEqualTo(
            new InvalidInput(
                "first_name", "first_name must be valid Unicode text (a lone surrogate)"));
  }

  @Test
  void aPageHoldsAtLeastOneObjectAndStartsAtZeroOrLater() {
    ObjectQuery persons = ObjectQuery.all(DirectoryClass.PERSON);
    assertThat(directory.find(root, persons, 0, 0).getLeft())
        .isEqualTo(new InvalidInput("limit", "limit must be at least 1"));
    assertThat(directory.find(root, persons, 1, -1).getLeft())
        .isEqualTo(new InvalidInput("offset", "offset must not be negative"));
    assertThat(directory.find(root, persons, 2, 1).get())
        .extracting(record -> record.field("name"))
        .containsExactly("manager", "reader");
  }

  // ---- creating ----

  @Test
  void aDirectoryManagerCreatesAPersonWithTrimmedText() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("first_name", "  Ada ");
    fields.put("name", "Lovelace");
    fields.put("email", " ada@demo.com");
    fields.put("phone", "");
    fields.put("org_id", Long.toString(company));
    DirectoryRecord created = directory.create(manager, DirectoryClass.PERSON, fields).get();
    assertThat(created)
        .isEqualTo(
            DirectoryRecord.person(
                created.id(),
                "Ada",
                "Lovelace",
                "ada@demo.com",
                Option.none(),
                company,
                "My Company"));
    assertThat(directory.find(reader, byId(DirectoryClass.PERSON, created.id()), 1, 0).get())
        .containsExactly(created);
  }

  @Test
  void aPersonIsCreatedActiveOrInactiveAndAnUpdateChangesItsStatus() {
    DirectoryRecord active = directory.create(manager, DirectoryClass.PERSON, adaFields()).get();
    assertThat(active.field("status")).isEqualTo("active");
    Map<String, Object> fields = person("Grace", "Hopper", "grace@demo.com");
    fields.put("status", " inactive ");
    DirectoryRecord inactive = directory.create(manager, DirectoryClass.PERSON, fields).get();
    assertThat(inactive.field("status")).isEqualTo("inactive");
    DirectoryRecord updated =
        directory
            .update(manager, DirectoryClass.PERSON, active.id(), Map.of("status", "inactive"))
            .get();
    assertThat(updated.field("status")).isEqualTo("inactive");
    assertThat(updated.field("email")).isEqualTo("ada@demo.com");
    assertThat(
            directory
                .find(
                    reader,
                    new ObjectQuery(
                        DirectoryClass.PERSON,
                        new Criteria.Comparison(
                            "status", ComparisonOperator.EQUAL, Literal.of("inactive"))),
                    10,
                    0)
                .get())
        .containsExactly(updated, inactive);
    assertThat(invalidWith("status", "gone"))
        .isEqualTo(
            new InvalidInput("status", "status: 'gone' is not a valid value (active or inactive)"));
    assertThat(invalidWith("status", null))
        .isEqualTo(new InvalidInput("status", "status: a value is required"));
  }

  @Test
  void anOrganizationIsCreatedOrUpdatedWithAStatus() {
    DirectoryRecord created =
        directory
            .create(
                manager,
                DirectoryClass.ORGANIZATION,
                Map.of("name", "Closed Shop", "status", "inactive"))
            .get();
    assertThat(created.field("status")).isEqualTo("inactive");
    DirectoryRecord reopened =
        directory
            .update(manager, DirectoryClass.ORGANIZATION, created.id(), Map.of("status", "active"))
            .get();
    assertThat(reopened)
        .isEqualTo(DirectoryRecord.organization(created.id(), "Closed Shop", "active"));
    assertThat(
            directory
                .update(
                    manager, DirectoryClass.ORGANIZATION, created.id(), Map.of("status", "closed"))
                .getLeft())
        .isEqualTo(
            new InvalidInput(
                "status", "status: 'closed' is not a valid value (active or inactive)"));
  }

  @Test
  void anOrganizationIdMayBeANumberOrTheTextOfOne() {
    for (Object orgId :
        List.of(company, (int) company, BigInteger.valueOf(company), " " + company + " ")) {
      Map<String, Object> fields = person("Grace", "Hopper", "grace@navy.mil");
      fields.put("org_id", orgId);
      assertThat(directory.create(root, DirectoryClass.PERSON, fields).get().field("org_id"))
          .as(orgId.getClass().getSimpleName())
          .isEqualTo(Long.toString(company));
    }
  }

  @Test
  void aNumberGivenForATextAttributeIsItsDecimalTextAndANullPhoneIsNone() {
    Map<String, Object> fields = person("Grace", "Hopper", "grace@navy.mil");
    fields.put("phone", 5550100L);
    assertThat(directory.create(root, DirectoryClass.PERSON, fields).get().field("phone"))
        .isEqualTo("5550100");
    fields.put("phone", null);
    assertThat(directory.create(root, DirectoryClass.PERSON, fields).get().field("phone"))
        .isEmpty();
  }

  @Test
  void onlyAdministratorsAndDirectoryManagersWrite() {
    Map<String, Object> fields = person("Ada", "Lovelace", "ada@demo.com");
    for (Principal actor : List.of(reader, rest, nobody)) {
      assertThat(directory.create(actor, DirectoryClass.PERSON, fields).getLeft())
          .isEqualTo(
              new Forbidden(
                  "The current user does not have enough permissions for creating data of class"
                      + " Person"));
      assertThat(
              directory
                  .update(actor, DirectoryClass.ORGANIZATION, company, Map.of("name", "x"))
                  .getLeft())
          .isEqualTo(
              new Forbidden(
                  "The current user does not have enough permissions for modifying data of class"
                      + " Organization"));
      assertThat(directory.delete(actor, ObjectQuery.all(DirectoryClass.PERSON), true).getLeft())
          .isEqualTo(
              new Forbidden(
                  "The current user does not have enough permissions for deleting data of class"
                      + " Person"));
    }
    assertThat(world.directory.count(ObjectQuery.all(DirectoryClass.PERSON))).isEqualTo(5);
  }

  @Test
  void rightsAreCheckedBeforeTheFields() {
    assertThat(
            directory.create(reader, DirectoryClass.PERSON, Map.of("no_such_field", "x")).getLeft())
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void usersAreReadOnlyEvenForAdministrators() {
    UseCaseFailure created =
        directory.create(root, DirectoryClass.USER, Map.of("login", "x")).getLeft();
    assertThat(created).isInstanceOf(Forbidden.class);
    assertThat(created.message())
        .startsWith(
            "The current user does not have enough permissions for creating data of class User")
        .contains("read-only");
    assertThat(directory.update(root, DirectoryClass.USER, root.id().value(), Map.of()).getLeft())
        .isInstanceOf(Forbidden.class);
    assertThat(directory.delete(root, ObjectQuery.all(DirectoryClass.USER), false).getLeft())
        .isInstanceOf(Forbidden.class);
    assertThat(world.accounts.allUsers()).hasSize(5);
  }

  @Test
  void fieldsAreCheckedAndTheFirstProblemIsNamed() {
    assertThat(invalid(Map.of("nickname", "x"))).isEqualTo(unknown("nickname"));
    assertThat(invalid(Map.of("friendlyname", "x")))
        .isEqualTo(
            new InvalidInput("friendlyname", "friendlyname: the attribute cannot be written"));
    assertThat(invalid(Map.of("org_name", "x")).field()).isEqualTo("org_name");
    assertThat(invalid(Map.of("id", 4)).field()).isEqualTo("id");

    Map<String, Object> fields = person("Ada", "Lovelace", "ada@demo.com");
    fields.remove("first_name");
    assertThat(invalid(fields))
        .isEqualTo(new InvalidInput("first_name", "first_name: a value is required"));
    fields = person("Ada", "Lovelace", "ada@demo.com");
    fields.remove("org_id");
    assertThat(invalid(fields))
        .isEqualTo(new InvalidInput("org_id", "org_id: a value is required"));

    assertThat(invalidWith("email", "not an address"))
        .isEqualTo(new InvalidInput("email", "email must be an email address"));
    assertThat(invalidWith("first_name", "  "))
        .isEqualTo(new InvalidInput("first_name", "first_name must not be blank"));
    assertThat(invalidWith("name", "x".repeat(256)))
        .isEqualTo(new InvalidInput("name", "name must be at most 255 characters"));
    assertThat(invalidWith("name", "Love\u0000lace"))
        .isEqualTo(new InvalidInput("name", "name must not contain control characters"));
    assertThat(invalidWith("phone", "+33\n1"))
        .isEqualTo(new InvalidInput("phone", "phone must not contain control characters"));
    assertThat(invalidWith("name", true))
        .isEqualTo(new InvalidInput("name", "name must be a string"));
    assertThat(invalidWith("name", null))
        .isEqualTo(new InvalidInput("name", "name: a value is required"));
    InvalidInput notAnId =
        new InvalidInput("org_id", "org_id must be the id of an organization (an integer)");
    assertThat(invalidWith("org_id", "My Company")).isEqualTo(notAnId);
    assertThat(invalidWith("org_id", 1.5)).isEqualTo(notAnId);
    assertThat(invalidWith("org_id", Map.of("name", "My Company"))).isEqualTo(notAnId);
    assertThat(invalidWith("org_id", 999))
        .isEqualTo(new InvalidInput("org_id", "org_id: Invalid object Organization::999"));
    assertThat(invalidWith("org_id", 0))
        .isEqualTo(new InvalidInput("org_id", "org_id: Invalid object Organization::0"));
    assertThat(directory.create(root, DirectoryClass.PERSON, null).getLeft())
        .isEqualTo(new InvalidInput("fields", "fields must be given"));
    assertThat(world.directory.count(ObjectQuery.all(DirectoryClass.PERSON))).isEqualTo(5);
  }

  @Test
  void organizationNamesAreUniqueAndRequired() {
    assertThat(
            directory
                .create(manager, DirectoryClass.ORGANIZATION, Map.of("name", " My Company "))
                .getLeft())
        .isEqualTo(new Conflict("name", "An Organization with name 'My Company' exists already."));
    assertThat(directory.create(manager, DirectoryClass.ORGANIZATION, Map.of()).getLeft())
        .isEqualTo(new InvalidInput("name", "name: a value is required"));
    DirectoryRecord demo =
        directory.create(manager, DirectoryClass.ORGANIZATION, Map.of("name", "Demo")).get();
    assertThat(demo).isEqualTo(DirectoryRecord.organization(demo.id(), "Demo"));
    assertThat(world.accounts.organizationByName("Demo")).isNotEmpty();
    assertThat(
            directory
                .update(
                    manager, DirectoryClass.ORGANIZATION, demo.id(), Map.of("name", "My Company"))
                .getLeft())
        .isInstanceOf(Conflict.class);
  }

  // ---- updating ----

  @Test
  void anUpdateChangesTheGivenFieldsAndTheUsersContactFollows() {
    DirectoryRecord demo =
        directory.create(root, DirectoryClass.ORGANIZATION, Map.of("name", "Demo")).get();
    long contact = reader.contact().id().value();
    Map<String, Object> fields = new HashMap<>();
    fields.put("first_name", "Rita");
    fields.put("phone", "+33 1 23");
    fields.put("org_id", demo.id());
    DirectoryRecord updated =
        directory.update(manager, DirectoryClass.PERSON, contact, fields).get();
    assertThat(updated)
        .isEqualTo(
            DirectoryRecord.person(
                contact,
                "Rita",
                "reader",
                "reader@example.com",
                Option.some("+33 1 23"),
                demo.id(),
                "Demo"));
    User reread = world.accounts.user(reader.id()).get();
    assertThat(reread.contact().friendlyName()).isEqualTo("Rita reader");
    assertThat(reread.contact().organization().name()).isEqualTo("Demo");
    assertThat(reread.organization().name()).isEqualTo("My Company");
  }

  @Test
  void anUpdateWithNoFieldsChangesNothingAndAMissingObjectIsNotFound() {
    long contact = reader.contact().id().value();
    DirectoryRecord before =
        directory.find(root, byId(DirectoryClass.PERSON, contact), 1, 0).get().get(0);
    assertThat(directory.update(manager, DirectoryClass.PERSON, contact, Map.of()))
        .isEqualTo(Either.right(before));
    assertThat(directory.update(manager, DirectoryClass.ORGANIZATION, company, Map.of()).get())
        .isEqualTo(DirectoryRecord.of(world.organization));
    assertThat(directory.update(manager, DirectoryClass.PERSON, 999, Map.of("name", "x")).getLeft())
        .isEqualTo(new NotFound("Invalid object Person::999"));
    assertThat(
            directory
                .update(manager, DirectoryClass.ORGANIZATION, 999, Map.of("name", "x"))
                .getLeft())
        .isEqualTo(new NotFound("Invalid object Organization::999"));
    assertThat(
            directory
                .update(manager, DirectoryClass.PERSON, contact, Map.of("email", "nope"))
                .getLeft())
        .isEqualTo(new InvalidInput("email", "email must be an email address"));
  }

  @Test
  void renamingAnOrganizationShowsInItsUsers() {
    DirectoryRecord renamed =
        directory
            .update(root, DirectoryClass.ORGANIZATION, company, Map.of("name", "Renamed Inc"))
            .get();
    assertThat(renamed).isEqualTo(DirectoryRecord.organization(company, "Renamed Inc"));
    assertThat(world.accounts.user(root.id()).get().organization().name()).isEqualTo("Renamed Inc");
  }

  // ---- deleting ----

  @Test
  void deletingReportsEachMatchedObjectAndKeepsThoseInUse() {
    DirectoryRecord ada = directory.create(root, DirectoryClass.PERSON, adaFields()).get();
    ObjectQuery inCompany =
        new ObjectQuery(DirectoryClass.PERSON, new Criteria.Like("email", "%@%", false));

    List<DirectoryDeletion> simulated = directory.delete(manager, inCompany, true).get();
    assertThat(simulated).hasSize(6);
    assertThat(simulated.stream().filter(DirectoryDeletion::deleted))
        .extracting(DirectoryDeletion::record)
        .containsExactly(ada);
    assertThat(simulated.get(0).issue()).contains("it is used by 1 user");
    assertThat(world.directory.count(inCompany)).isEqualTo(6);

    List<DirectoryDeletion> deleted = directory.delete(manager, inCompany, false).get();
    assertThat(deleted).isEqualTo(simulated);
    assertThat(world.directory.count(inCompany)).isEqualTo(5);
    assertThat(directory.delete(manager, byId(DirectoryClass.PERSON, ada.id()), false).get())
        .isEmpty();
  }

  @Test
  void anOrganizationIsDeletedWhenNothingBelongsToIt() {
    DirectoryRecord demo =
        directory.create(root, DirectoryClass.ORGANIZATION, Map.of("name", "Demo")).get();
    assertThat(directory.delete(manager, ObjectQuery.all(DirectoryClass.ORGANIZATION), false).get())
        .containsExactly(
            new DirectoryDeletion(
                DirectoryRecord.of(world.organization),
                Option.some("it is used by 5 persons and 5 users")),
            new DirectoryDeletion(demo, Option.none()));
    assertThat(world.accounts.organizationByName("Demo")).isEmpty();
    assertThat(world.accounts.organizationByName("My Company")).isNotEmpty();
  }

  @Test
  void everyDeleteOutcomeIsReported() {
    DirectoryRecord demo = DirectoryRecord.organization(4, "Demo");
    Map<Class<?>, Map.Entry<DeleteOutcome, Option<DirectoryDeletion>>> examples =
        Map.of(
            DeleteOutcome.Deleted.class,
            Map.entry(
                new DeleteOutcome.Deleted(demo),
                Option.some(new DirectoryDeletion(demo, Option.none()))),
            DeleteOutcome.InUse.class,
            Map.entry(
                new DeleteOutcome.InUse(demo, 2, 0, 1),
                Option.some(
                    new DirectoryDeletion(
                        demo, Option.some("it is used by 2 persons and 1 application token")))),
            DeleteOutcome.NotFound.class,
            Map.entry(new DeleteOutcome.NotFound(), Option.none()));
    assertThat(examples.keySet())
        .containsExactlyInAnyOrder(DeleteOutcome.class.getPermittedSubclasses());
    examples.forEach(
        (kind, example) ->
            assertThat(DirectoryService.deletionOf(example.getKey()))
                .as(kind.getSimpleName())
                .isEqualTo(example.getValue()));
  }

  // ---- helpers ----

  private InvalidInput invalid(Map<String, ?> fields) {
    return (InvalidInput) directory.create(manager, DirectoryClass.PERSON, fields).getLeft();
  }

  private InvalidInput invalidWith(String attribute, Object value) {
    Map<String, Object> fields = adaFields();
    fields.put(attribute, value);
    return invalid(fields);
  }

  private Map<String, Object> adaFields() {
    return person("Ada", "Lovelace", "ada@demo.com");
  }

  private Map<String, Object> person(String firstName, String name, String email) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("first_name", firstName);
    fields.put("name", name);
    fields.put("email", email);
    fields.put("org_id", company);
    return fields;
  }

  private static InvalidInput unknown(String attribute) {
    return new InvalidInput(attribute, attribute + ": Unknown attribute");
  }

  private static ObjectQuery byId(DirectoryClass directoryClass, long id) {
    return new ObjectQuery(
        directoryClass, new Criteria.Comparison("id", ComparisonOperator.EQUAL, Literal.of(id)));
  }
}
