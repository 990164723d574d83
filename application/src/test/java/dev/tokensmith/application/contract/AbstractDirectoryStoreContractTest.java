package dev.tokensmith.application.contract;

import static dev.tokensmith.domain.directory.ComparisonOperator.EQUAL;
import static dev.tokensmith.domain.directory.ComparisonOperator.GREATER;
import static dev.tokensmith.domain.directory.ComparisonOperator.GREATER_OR_EQUAL;
import static dev.tokensmith.domain.directory.ComparisonOperator.LESS;
import static dev.tokensmith.domain.directory.ComparisonOperator.LESS_OR_EQUAL;
import static dev.tokensmith.domain.directory.ComparisonOperator.NOT_EQUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.DeleteOutcome;
import dev.tokensmith.application.port.out.DirectoryConflict;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.application.port.out.NewUser;
import dev.tokensmith.application.port.out.PersonChanges;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.PasswordHash;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DirectoryStore} must do, with the expected objects written out, so that every
 * store gives the same answers. Each test works in an organization of its own (the database is
 * shared): nine persons, one of them the contact of a user.
 */
public abstract class AbstractDirectoryStoreContractTest {
  protected abstract AccountDirectory accounts();

  protected abstract TokenStore tokens();

  protected abstract DirectoryStore directory();

  private Organization org;
  private DirectoryRecord ada;
  private DirectoryRecord alan;
  private DirectoryRecord grace;
  private DirectoryRecord gracie;
  private DirectoryRecord emile;
  private DirectoryRecord slash;
  private DirectoryRecord trailing;
  private DirectoryRecord emoji;
  private DirectoryRecord linus;
  private User user;
  private List<DirectoryRecord> everyone;

  @BeforeEach
  void createAnOrganizationWithNinePersonsAndAUser() {
    org = accounts().addOrganization(ContractFixtures.unique("Org "));
    ada = person("Ada", "Lovelace", "ada@demo.com", "+44 20 7946 0000");
    alan = person("Alan", "Turing", "ALAN@Demo.COM", null);
    grace = person("Grace", "Hopper", "grace_h@navy.mil", "5550100");
    gracie = person("Gracie", "Hopperx", "gracexh@navy.mil", null);
    emile = person("Émile", "Zola", "emile%zola@lettres.fr", null);
    slash = person("Back", "Sl\\ash", "back@slash.org", null);
    trailing = person("Trail", "Ing\\", "trail@ing.org", null);
    emoji = person("\uD83D\uDE00mily", "Smile", "emily@smile.org", null);
    user =
        accounts()
            .addUser(
                new NewUser(
                    ContractFixtures.unique("linus"),
                    Status.ENABLED,
                    org,
                    Set.of(Profile.REST_SERVICES_USER, Profile.ADMINISTRATOR),
                    new NewPerson(
                        "Linus", "Torvalds", "linus@kernel.org", Option.some("+1 555"), org)),
                new PasswordHash("fake$1$salt$hash"));
    linus = DirectoryRecord.of(user.contact());
    everyone = List.of(ada, alan, grace, gracie, emile, slash, trailing, emoji, linus);
  }

  private DirectoryRecord person(String firstName, String name, String email, String phone) {
    return directory().createPerson(new NewPerson(firstName, name, email, Option.of(phone), org));
  }

  // ---- bulk: export order and one transaction ----

  @Test
  void anExportHandsEveryMatchInFriendlyNameOrderWithAsciiLettersFolded() {
    List<DirectoryRecord> handed = new ArrayList<>();
    long count =
        directory()
            .forEachInExportOrder(
                new ObjectQuery(DirectoryClass.PERSON, eq("org_id", org.id().value())),
                handed::add);

    assertThat(handed)
        .containsExactly(ada, alan, slash, grace, gracie, linus, trailing, emile, emoji);
    assertThat(count).isEqualTo(9);
  }

  @Test
  void oneTransactionKeepsAllItsWritesOrNoneOnRollbackOrFailure() {
    DirectoryRecord kept =
        directory()
            .inOneTransaction(
                false,
                () ->
                    directory()
                        .createPerson(
                            new NewPerson("Kept", "Writer", "k@w.org", Option.none(), org)));
    DirectoryRecord simulated =
        directory()
            .inOneTransaction(
                true,
                () -> {
                  DirectoryRecord created =
                      directory()
                          .createPerson(
                              new NewPerson("Simulated", "Writer", "s@w.org", Option.none(), org));
                  assertThat(find(DirectoryClass.PERSON, eq("id", created.id()))).hasSize(1);
                  directory()
                      .updatePerson(
                          ada.id(),
                          new PersonChanges(
                              Option.some("Changed"),
                              Option.none(),
                              Option.none(),
                              Option.none(),
                              Option.none()));
                  return created;
                });
    assertThatThrownBy(
            () ->
                directory()
                    .inOneTransaction(
                        false,
                        () -> {
                          directory()
                              .createPerson(
                                  new NewPerson("Failed", "Writer", "f@w.org", Option.none(), org));
                          throw new IllegalStateException("the work failed");
                        }))
        .hasMessage("the work failed");

    assertThat(simulated.field("first_name")).isEqualTo("Simulated");
    assertThat(find(DirectoryClass.PERSON, eq("id", kept.id()))).containsExactly(kept);
    assertThat(find(DirectoryClass.PERSON, eq("id", simulated.id()))).isEmpty();
    assertThat(find(DirectoryClass.PERSON, eq("id", ada.id()))).containsExactly(ada);
    assertThat(find(DirectoryClass.PERSON, like("name", "Writer"))).containsExactly(kept);
  }

  // ---- reading what was written ----

  @Test
  void aCreatedPersonIsRenderedWithEveryAttributeAndFoundById() {
    assertThat(ada)
        .isEqualTo(
            DirectoryRecord.person(
                ada.id(),
                "Ada",
                "Lovelace",
                "ada@demo.com",
                Option.some("+44 20 7946 0000"),
                org.id().value(),
                org.name()));
    assertThat(alan.field("phone")).isEmpty();
    assertThat(find(DirectoryClass.PERSON, eq("id", ada.id()))).containsExactly(ada);
    assertThat(persons(Criteria.all())).containsExactlyElementsOf(everyone);
  }

  @Test
  void aUserIsRenderedWithItsContactOrganizationAndSortedProfiles() {
    DirectoryRecord expected =
        DirectoryRecord.user(
            user.id().value(),
            user.login(),
            Status.ENABLED,
            org.id().value(),
            linus.id(),
            Set.of(Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER));
    assertThat(expected.field("profile_list")).isEqualTo("Administrator, REST Services User");
    assertThat(users(Criteria.all())).containsExactly(expected);
    assertThat(users(eq("contactid", linus.id()))).containsExactly(expected);
    assertThat(users(eq("login", user.login().toUpperCase(Locale.ROOT)))).containsExactly(expected);
    assertThat(users(eq("friendlyname", user.login()))).containsExactly(expected);
    assertThat(users(eq("status", "ENABLED"))).containsExactly(expected);
    assertThat(users(eq("status", "disabled"))).isEmpty();
    assertThat(users(eq("profile_list", "administrator, rest services user")))
        .containsExactly(expected);
    assertThat(users(like("profile_list", "%REST Services%"))).containsExactly(expected);
    assertThat(users(like("profile_list", "REST%"))).isEmpty();
  }

  @Test
  void anOrganizationIsFoundByItsNameAndFriendlyName() {
    String prefix = ContractFixtures.unique("Dir ");
    DirectoryRecord alpha = directory().createOrganization(prefix + " alpha").get();
    DirectoryRecord beta = directory().createOrganization(prefix + " beta").get();
    DirectoryRecord gamma = directory().createOrganization(prefix + " Gamma").get();
    assertThat(alpha).isEqualTo(DirectoryRecord.organization(alpha.id(), prefix + " alpha"));
    Criteria ours = like("name", prefix + " %");
    assertThat(find(DirectoryClass.ORGANIZATION, ours)).containsExactly(alpha, beta, gamma);
    assertThat(find(DirectoryClass.ORGANIZATION, and(ours, eq("friendlyname", prefix + " BETA"))))
        .containsExactly(beta);
    assertThat(find(DirectoryClass.ORGANIZATION, and(ours, cmp("name", GREATER, prefix + " B"))))
        .containsExactly(beta, gamma);
    assertThat(directory().count(new ObjectQuery(DirectoryClass.ORGANIZATION, ours))).isEqualTo(3);
    assertThat(accounts().organizationByName(prefix + " beta"))
        .contains(new Organization(new OrganizationId(beta.id()), prefix + " beta"));
  }

  // ---- text ----

  @Test
  void textEqualityIgnoresTheCaseOfAsciiLettersOnly() {
    assertThat(persons(eq("email", "alan@demo.com"))).containsExactly(alan);
    assertThat(persons(eq("email", "ADA@DEMO.COM"))).containsExactly(ada);
    assertThat(persons(eq("first_name", "ÉMILE"))).containsExactly(emile);
    assertThat(persons(eq("first_name", "émile"))).isEmpty();
    assertThat(persons(eq("name", "lovelac"))).isEmpty();
    assertThat(persons(cmp("name", NOT_EQUAL, "LOVELACE"))).containsExactlyElementsOf(except(ada));
  }

  @Test
  void textOrderIsTheCodePointOrderOfTheFoldedText() {
    assertThat(persons(cmp("name", LESS, "M"))).containsExactly(ada, grace, gracie, trailing);
    assertThat(persons(cmp("name", GREATER, "S")))
        .containsExactly(alan, emile, slash, emoji, linus);
    assertThat(persons(cmp("name", LESS_OR_EQUAL, "Hopper"))).containsExactly(grace);
    assertThat(persons(cmp("name", GREATER_OR_EQUAL, "hopperX")))
        .containsExactlyElementsOf(except(grace));
    // U+1F600 sorts after U+E000 by code point, before it by UTF-16 unit
    assertThat(persons(cmp("first_name", GREATER, "\uE000"))).containsExactly(emoji);
    assertThat(persons(cmp("first_name", LESS, "\uE000"))).containsExactlyElementsOf(except(emoji));
  }

  @Test
  void aNumberComparedWithTextIsItsDecimalText() {
    assertThat(persons(eq("phone", 5550100))).containsExactly(grace);
    assertThat(persons(in("phone", Literal.of(5550100), Literal.of("+1 555"))))
        .containsExactly(grace, linus);
    assertThat(persons(cmp("phone", GREATER, Literal.of(5550099)))).containsExactly(grace);
  }

  @Test
  void anAbsentPhoneIsTheEmptyText() {
    assertThat(persons(eq("phone", "")))
        .containsExactly(alan, gracie, emile, slash, trailing, emoji);
    assertThat(persons(like("phone", "")))
        .containsExactly(alan, gracie, emile, slash, trailing, emoji);
    assertThat(persons(cmp("phone", NOT_EQUAL, ""))).containsExactly(ada, grace, linus);
  }

  // ---- LIKE ----

  @Test
  void likeMatchesAnySequenceAndAnyOneCharacterIgnoringAsciiCase() {
    assertThat(persons(like("email", "%@demo.com"))).containsExactly(ada, alan);
    assertThat(persons(like("email", "%DEMO.COM"))).containsExactly(ada, alan);
    assertThat(persons(like("email", "grace_h@%"))).containsExactly(grace, gracie);
    assertThat(persons(like("email", "%%%"))).containsExactlyElementsOf(everyone);
    assertThat(persons(like("first_name", "É%"))).containsExactly(emile);
    assertThat(persons(like("first_name", "é%"))).isEmpty();
    assertThat(persons(like("name", "lovelace"))).containsExactly(ada);
    assertThat(persons(like("name", "lovelac"))).isEmpty();
  }

  @Test
  void anUnderscoreMatchesOneCharacterEvenAboveTheBasicPlane() {
    assertThat(persons(like("first_name", "_mily"))).containsExactly(emoji);
    assertThat(persons(like("first_name", "__mily"))).isEmpty();
  }

  @Test
  void aBackslashEscapesWildcardsAndItself() {
    assertThat(persons(like("email", "grace\\_h@%"))).containsExactly(grace);
    assertThat(persons(like("email", "emile\\%zola@%"))).containsExactly(emile);
    assertThat(persons(like("email", "%\\%%"))).containsExactly(emile);
    assertThat(persons(like("name", "sl\\\\ash"))).containsExactly(slash);
    // \a is a plain a: the pattern is "Slash", which "Sl\ash" is not
    assertThat(persons(like("name", "Sl\\ash"))).isEmpty();
    // a backslash at the very end stands for itself
    assertThat(persons(like("name", "%\\"))).containsExactly(trailing);
  }

  @Test
  void notLikeIsTheComplement() {
    assertThat(persons(notLike("email", "%.org"))).containsExactly(ada, alan, grace, gracie, emile);
    assertThat(persons(notLike("email", "%"))).isEmpty();
  }

  @Test
  void likeOnANumericAttributeMatchesItsDecimalText() {
    assertThat(persons(like("id", Long.toString(ada.id())))).containsExactly(ada);
    assertThat(persons(like("org_id", "%"))).containsExactlyElementsOf(everyone);
    assertThat(persons(like("org_id", "x%"))).isEmpty();
  }

  // ---- numbers ----

  @Test
  void numericAttributesCompareNumerically() {
    assertThat(persons(eq("id", ada.id()))).containsExactly(ada);
    assertThat(persons(cmp("id", NOT_EQUAL, Literal.of(ada.id()))))
        .containsExactlyElementsOf(except(ada));
    assertThat(persons(cmp("id", GREATER, Literal.of(ada.id()))))
        .containsExactlyElementsOf(except(ada));
    assertThat(persons(cmp("id", LESS, Literal.of(alan.id())))).containsExactly(ada);
    assertThat(
            persons(
                and(
                    cmp("id", GREATER_OR_EQUAL, Literal.of(grace.id())),
                    cmp("id", LESS_OR_EQUAL, Literal.of(emile.id())))))
        .containsExactly(grace, gracie, emile);
    // 10^digits is above the id as a number, but not as text unless the id is a power of ten
    DirectoryRecord notAPowerOfTen = isPowerOfTen(ada.id()) ? alan : ada;
    long powerAbove = (long) Math.pow(10, Long.toString(notAPowerOfTen.id()).length());
    assertThat(persons(cmp("id", LESS, Literal.of(powerAbove)))).contains(notAPowerOfTen);
    assertThat(persons(cmp("id", LESS, Literal.of(Long.toString(powerAbove)))))
        .contains(notAPowerOfTen);
    assertThat(persons(eq("org_id", org.id().value()))).containsExactlyElementsOf(everyone);
  }

  @Test
  void aTextComparedWithANumberCountsOnlyWhenItIsAnInteger() {
    String graceId = Long.toString(grace.id());
    assertThat(persons(eq("id", graceId))).containsExactly(grace);
    assertThat(persons(eq("id", "+0" + graceId))).containsExactly(grace);
    assertThat(persons(eq("org_id", Long.toString(org.id().value()))))
        .containsExactlyElementsOf(everyone);
    assertThat(persons(eq("id", graceId + "x"))).isEmpty();
    assertThat(persons(eq("id", " " + graceId))).isEmpty();
    assertThat(persons(eq("id", graceId + ".0"))).isEmpty();
    assertThat(persons(eq("id", "99999999999999999999"))).isEmpty();
    assertThat(persons(cmp("id", NOT_EQUAL, "abc"))).containsExactlyElementsOf(everyone);
    for (ComparisonOperator order : List.of(LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL)) {
      assertThat(persons(cmp("id", order, "abc"))).as(order.symbol()).isEmpty();
    }
  }

  // ---- IN ----

  @Test
  void inMatchesAnyOfItsValuesAndNotInNoneOfThem() {
    assertThat(persons(in("name", Literal.of("LOVELACE"), Literal.of("turing"), Literal.of("x"))))
        .containsExactly(ada, alan);
    assertThat(persons(notIn("name", Literal.of("LOVELACE"), Literal.of("turing"))))
        .containsExactly(grace, gracie, emile, slash, trailing, emoji, linus);
    assertThat(
            persons(
                in(
                    "id",
                    Literal.of(ada.id()),
                    Literal.of(Long.toString(grace.id())),
                    Literal.of("abc"))))
        .containsExactly(ada, grace);
    assertThat(persons(in("id", Literal.of("abc")))).isEmpty();
    assertThat(persons(notIn("id", Literal.of("abc")))).containsExactlyElementsOf(everyone);
    assertThat(persons(notIn("id", Literal.of(ada.id()), Literal.of("abc"))))
        .containsExactlyElementsOf(except(ada));
  }

  // ---- AND / OR ----

  @Test
  void conjunctionsAndDisjunctionsNest() {
    assertThat(
            persons(
                and(
                    or(eq("first_name", "ada"), eq("first_name", "ALAN")),
                    like("email", "%demo%"))))
        .containsExactly(ada, alan);
    assertThat(
            persons(
                or(eq("name", "hopper"), and(like("name", "t%"), notLike("email", "%kernel%")))))
        .containsExactly(alan, grace);
    assertThat(
            persons(
                or(
                    and(
                        or(eq("first_name", "grace"), eq("first_name", "gracie")),
                        like("email", "%\\_%")),
                    eq("id", emoji.id()))))
        .containsExactly(grace, emoji);
    assertThat(persons(and(eq("first_name", "ada"), eq("first_name", "alan")))).isEmpty();
  }

  // ---- derived attributes ----

  @Test
  void derivedAttributesMatchAsRendered() {
    assertThat(persons(eq("friendlyname", "ada lovelace"))).containsExactly(ada);
    assertThat(persons(like("friendlyname", "Grace %"))).containsExactly(grace);
    assertThat(persons(eq("org_name", org.name().toLowerCase(Locale.ROOT))))
        .containsExactlyElementsOf(everyone);
    assertThat(persons(cmp("org_name", NOT_EQUAL, org.name()))).isEmpty();
  }

  // ---- U+0000 ----

  @Test
  void aLiteralWithUPlus0000EqualsNothingAndOrdersByItsCharacters() {
    assertThat(persons(eq("name", "Lovelace\u0000"))).isEmpty();
    assertThat(persons(cmp("name", NOT_EQUAL, "Lovelace\u0000")))
        .containsExactlyElementsOf(everyone);
    assertThat(persons(cmp("name", LESS, "Lovelace\u0000x")))
        .containsExactly(ada, grace, gracie, trailing);
    assertThat(persons(cmp("name", LESS_OR_EQUAL, "Lovelace\u0000")))
        .containsExactly(ada, grace, gracie, trailing);
    assertThat(persons(cmp("name", GREATER, "Lovelace\u0000")))
        .containsExactly(alan, emile, slash, emoji, linus);
    assertThat(persons(cmp("name", GREATER_OR_EQUAL, "\u0000")))
        .containsExactlyElementsOf(everyone);
    assertThat(persons(like("name", "%\u0000%"))).isEmpty();
    assertThat(persons(like("name", "Lovelace\\\u0000"))).isEmpty();
    assertThat(persons(notLike("name", "L\u0000%"))).containsExactlyElementsOf(everyone);
    assertThat(persons(in("name", Literal.of("a\u0000"), Literal.of("Lovelace"))))
        .containsExactly(ada);
    assertThat(persons(in("name", Literal.of("\u0000")))).isEmpty();
    assertThat(persons(notIn("name", Literal.of("x\u0000")))).containsExactlyElementsOf(everyone);
    assertThat(persons(eq("id", ada.id() + "\u0000"))).isEmpty();
  }

  // ---- paging and order ----

  @Test
  void pagesFollowTheIdOrder() {
    ObjectQuery ours = new ObjectQuery(DirectoryClass.PERSON, inOrg());
    assertThat(directory().find(ours, 4, 0)).containsExactly(ada, alan, grace, gracie);
    assertThat(directory().find(ours, 4, 4)).containsExactly(emile, slash, trailing, emoji);
    assertThat(directory().find(ours, 4, 8)).containsExactly(linus);
    assertThat(directory().find(ours, 4, 9)).isEmpty();
    assertThat(directory().find(ours, Integer.MAX_VALUE, 0)).containsExactlyElementsOf(everyone);
    assertThat(directory().count(ours)).isEqualTo(9);
    assertThat(directory().count(new ObjectQuery(DirectoryClass.PERSON, and(inOrg(), eq("id", 0)))))
        .isZero();
  }

  @Test
  void aQueryMustNameAttributesOfItsClassAndAPageAtLeastOneObject() {
    ObjectQuery unknown = new ObjectQuery(DirectoryClass.ORGANIZATION, eq("email", "x"));
    assertThatThrownBy(() -> directory().find(unknown, 10, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> directory().count(unknown))
        .isInstanceOf(IllegalArgumentException.class);
    ObjectQuery ours = new ObjectQuery(DirectoryClass.PERSON, inOrg());
    assertThatThrownBy(() -> directory().find(ours, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> directory().find(ours, 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- writing persons ----

  @Test
  void anUpdateChangesTheGivenFieldsOnly() {
    Option<DirectoryRecord> updated =
        directory()
            .updatePerson(
                ada.id(),
                new PersonChanges(
                    Option.some("Augusta Ada"),
                    Option.none(),
                    Option.none(),
                    Option.none(),
                    Option.none()));
    DirectoryRecord expected =
        DirectoryRecord.person(
            ada.id(),
            "Augusta Ada",
            "Lovelace",
            "ada@demo.com",
            Option.some("+44 20 7946 0000"),
            org.id().value(),
            org.name());
    assertThat(updated).contains(expected);
    assertThat(persons(eq("id", ada.id()))).containsExactly(expected);
  }

  @Test
  void anUpdateRemovesThePhoneAndMovesThePersonToAnotherOrganization() {
    Organization other = accounts().addOrganization(ContractFixtures.unique("Other "));
    DirectoryRecord updated =
        directory()
            .updatePerson(
                ada.id(),
                new PersonChanges(
                    Option.none(),
                    Option.some("King"),
                    Option.some("ada@king.org"),
                    Option.some(""),
                    Option.some(other.id())))
            .get();
    assertThat(updated)
        .isEqualTo(
            DirectoryRecord.person(
                ada.id(),
                "Ada",
                "King",
                "ada@king.org",
                Option.none(),
                other.id().value(),
                other.name()));
    assertThat(persons(Criteria.all())).containsExactlyElementsOf(except(ada));
    assertThat(directory().updatePerson(ada.id(), PersonChanges.NONE)).contains(updated);
  }

  @Test
  void aPersonIsActiveUntilAnUpdateMakesItInactiveAndTheStatusIsFoundByItsValue() {
    assertThat(ada.field("status")).isEqualTo("active");
    DirectoryRecord inactive =
        directory()
            .updatePerson(
                ada.id(),
                new PersonChanges(
                    Option.none(),
                    Option.none(),
                    Option.none(),
                    Option.none(),
                    Option.some("inactive"),
                    Option.none()))
            .get();
    assertThat(inactive)
        .isEqualTo(
            DirectoryRecord.person(
                ada.id(),
                "Ada",
                "Lovelace",
                "ada@demo.com",
                Option.some("+44 20 7946 0000"),
                "inactive",
                org.id().value(),
                org.name()));
    assertThat(directory().updatePerson(ada.id(), PersonChanges.NONE)).contains(inactive);
    assertThat(persons(eq("status", "INACTIVE"))).containsExactly(inactive);
    assertThat(persons(eq("status", "active"))).doesNotContain(inactive).contains(alan);
  }

  @Test
  void personsCreatedAndChangedInABatchKeepTheirStatus() {
    List<DirectoryRecord> created =
        directory()
            .createPersons(
                List.of(
                    new NewPerson(
                        "Inés", "Batch", "ines@batch.org", Option.none(), "inactive", org),
                    new NewPerson("Iris", "Batch", "iris@batch.org", Option.none(), org)));
    assertThat(created.get(0).field("status")).isEqualTo("inactive");
    assertThat(created.get(1).field("status")).isEqualTo("active");
    assertThat(persons(eq("id", created.get(0).id()))).containsExactly(created.get(0));
    assertThat(persons(eq("id", created.get(1).id()))).containsExactly(created.get(1));
    Set<Long> missing =
        directory()
            .updatePersons(
                java.util.Map.of(
                    created.get(0).id(),
                    new PersonChanges(
                        Option.none(),
                        Option.none(),
                        Option.none(),
                        Option.none(),
                        Option.some("active"),
                        Option.none()),
                    created.get(1).id(),
                    new PersonChanges(
                        Option.some("Iris Ann"),
                        Option.none(),
                        Option.none(),
                        Option.none(),
                        Option.none())));
    assertThat(missing).isEmpty();
    assertThat(persons(eq("id", created.get(0).id())).get(0).field("status")).isEqualTo("active");
    DirectoryRecord iris = persons(eq("id", created.get(1).id())).get(0);
    assertThat(iris.field("status")).isEqualTo("active");
    assertThat(iris.field("first_name")).isEqualTo("Iris Ann");
  }

  @Test
  void anOrganizationIsActiveUntilItsStatusIsSet() {
    assertThat(find(DirectoryClass.ORGANIZATION, eq("id", org.id().value())).get(0).field("status"))
        .isEqualTo("active");
    DirectoryRecord inactive =
        directory().setOrganizationStatus(org.id().value(), "inactive").get();
    assertThat(inactive)
        .isEqualTo(DirectoryRecord.organization(org.id().value(), org.name(), "inactive"));
    assertThat(find(DirectoryClass.ORGANIZATION, eq("status", "inactive")))
        .containsExactly(inactive);
    String renamed = ContractFixtures.unique("Renamed ");
    assertThat(directory().updateOrganization(org.id().value(), renamed).get())
        .contains(DirectoryRecord.organization(org.id().value(), renamed, "inactive"));
    assertThat(directory().setOrganizationStatus(org.id().value() + 1_000_000, "active")).isEmpty();
  }

  @Test
  void updatingAPersonThatDoesNotExistChangesNothing() {
    assertThat(directory().deletePerson(gracie.id(), false))
        .isInstanceOf(DeleteOutcome.Deleted.class);
    assertThat(directory().updatePerson(gracie.id(), PersonChanges.NONE)).isEmpty();
    assertThat(
            directory()
                .updatePerson(
                    gracie.id(),
                    new PersonChanges(
                        Option.some("x"),
                        Option.none(),
                        Option.none(),
                        Option.none(),
                        Option.none())))
        .isEmpty();
  }

  @Test
  void personsAndOrganizationsAreTheAccountDirectorysOwn() {
    directory()
        .updatePerson(
            linus.id(),
            new PersonChanges(
                Option.some("Linus B."),
                Option.none(),
                Option.some("linus@linux.org"),
                Option.none(),
                Option.none()));
    User reread = accounts().user(user.id()).get();
    assertThat(reread.contact().firstName()).isEqualTo("Linus B.");
    assertThat(reread.contact().email()).isEqualTo("linus@linux.org");

    String renamed = ContractFixtures.unique("Renamed ");
    ApplicationToken token = ContractFixtures.applicationToken(org);
    tokens().add(token);
    assertThat(directory().updateOrganization(org.id().value(), renamed).get())
        .contains(DirectoryRecord.organization(org.id().value(), renamed));
    assertThat(accounts().user(user.id()).get().organization().name()).isEqualTo(renamed);
    assertThat(accounts().user(user.id()).get().contact().organization().name()).isEqualTo(renamed);
    assertThat(accounts().organizationByName(renamed)).isNotEmpty();
    assertThat(accounts().organizationByName(org.name())).isEmpty();
    assertThat(((ApplicationToken) tokens().find(token.id()).get()).organization().name())
        .isEqualTo(renamed);
    assertThat(persons(eq("org_name", renamed)))
        .extracting(DirectoryRecord::id)
        .containsExactlyElementsOf(everyone.stream().map(DirectoryRecord::id).toList());
  }

  // ---- deleting persons ----

  @Test
  void aPersonIsDeletedOnceAndAfterASimulationStillExists() {
    assertThat(directory().deletePerson(ada.id(), true)).isEqualTo(new DeleteOutcome.Deleted(ada));
    assertThat(persons(eq("id", ada.id()))).containsExactly(ada);
    assertThat(directory().deletePerson(ada.id(), false)).isEqualTo(new DeleteOutcome.Deleted(ada));
    assertThat(persons(eq("id", ada.id()))).isEmpty();
    assertThat(directory().deletePerson(ada.id(), false)).isEqualTo(new DeleteOutcome.NotFound());
    assertThat(directory().deletePerson(ada.id(), true)).isEqualTo(new DeleteOutcome.NotFound());
  }

  @Test
  void theContactOfAUserIsInUse() {
    DeleteOutcome outcome = directory().deletePerson(linus.id(), false);
    assertThat(outcome).isEqualTo(new DeleteOutcome.InUse(linus, 0, 1, 0));
    assertThat(((DeleteOutcome.InUse) outcome).reason()).isEqualTo("it is used by 1 user");
    assertThat(directory().deletePerson(linus.id(), true)).isEqualTo(outcome);
    assertThat(persons(eq("id", linus.id()))).containsExactly(linus);
    assertThat(accounts().user(user.id())).isNotEmpty();
  }

  // ---- organizations ----

  @Test
  void anOrganizationWithPersonsUsersOrApplicationTokensIsInUse() {
    tokens().add(ContractFixtures.applicationToken(org));
    DirectoryRecord record = DirectoryRecord.of(org);
    DeleteOutcome outcome = directory().deleteOrganization(org.id().value(), false);
    assertThat(outcome).isEqualTo(new DeleteOutcome.InUse(record, 9, 1, 1));
    assertThat(((DeleteOutcome.InUse) outcome).reason())
        .isEqualTo("it is used by 9 persons, 1 user and 1 application token");
    assertThat(directory().deleteOrganization(org.id().value(), true)).isEqualTo(outcome);
    assertThat(find(DirectoryClass.ORGANIZATION, eq("id", org.id().value())))
        .containsExactly(record);
  }

  @Test
  void anOrganizationIsDeletedOnceAndAfterASimulationStillExists() {
    DirectoryRecord empty = directory().createOrganization(ContractFixtures.unique("Empty ")).get();
    assertThat(directory().deleteOrganization(empty.id(), true))
        .isEqualTo(new DeleteOutcome.Deleted(empty));
    assertThat(find(DirectoryClass.ORGANIZATION, eq("id", empty.id()))).containsExactly(empty);
    assertThat(directory().deleteOrganization(empty.id(), false))
        .isEqualTo(new DeleteOutcome.Deleted(empty));
    assertThat(find(DirectoryClass.ORGANIZATION, eq("id", empty.id()))).isEmpty();
    assertThat(accounts().organizationByName(empty.field("name"))).isEmpty();
    assertThat(directory().deleteOrganization(empty.id(), false))
        .isEqualTo(new DeleteOutcome.NotFound());
  }

  @Test
  void organizationNamesAreUniqueExactly() {
    DirectoryConflict taken =
        new DirectoryConflict(DirectoryClass.ORGANIZATION, "name", org.name());
    assertThat(directory().createOrganization(org.name())).isEqualTo(Either.left(taken));
    DirectoryRecord other = directory().createOrganization(ContractFixtures.unique("Other ")).get();
    assertThat(directory().updateOrganization(other.id(), org.name()))
        .isEqualTo(Either.left(taken));
    assertThat(find(DirectoryClass.ORGANIZATION, eq("id", other.id()))).containsExactly(other);
    // renaming to its own name changes nothing; another case is another name
    assertThat(directory().updateOrganization(org.id().value(), org.name()))
        .isEqualTo(Either.right(Option.some(DirectoryRecord.of(org))));
    String upper = org.name().toUpperCase(Locale.ROOT);
    assertThat(directory().createOrganization(upper).get().field("name")).isEqualTo(upper);
  }

  @Test
  void renamingAnOrganizationThatDoesNotExistChangesNothing() {
    DirectoryRecord gone = directory().createOrganization(ContractFixtures.unique("Gone ")).get();
    directory().deleteOrganization(gone.id(), false);
    assertThat(directory().updateOrganization(gone.id(), ContractFixtures.unique("New ")))
        .isEqualTo(Either.right(Option.none()));
  }

  // ---- helpers ----

  private Criteria inOrg() {
    return eq("org_id", org.id().value());
  }

  private List<DirectoryRecord> persons(Criteria criteria) {
    return find(DirectoryClass.PERSON, and(inOrg(), criteria));
  }

  private List<DirectoryRecord> users(Criteria criteria) {
    return find(DirectoryClass.USER, and(inOrg(), criteria));
  }

  private List<DirectoryRecord> find(DirectoryClass directoryClass, Criteria criteria) {
    return directory().find(new ObjectQuery(directoryClass, criteria), 1000, 0);
  }

  private List<DirectoryRecord> except(DirectoryRecord... left) {
    List<DirectoryRecord> kept = new ArrayList<>(everyone);
    kept.removeAll(Arrays.asList(left));
    return kept;
  }

  private static boolean isPowerOfTen(long value) {
    return Long.toString(value).matches("10*");
  }

  static Criteria eq(String attribute, String value) {
    return cmp(attribute, EQUAL, value);
  }

  static Criteria eq(String attribute, long value) {
    return cmp(attribute, EQUAL, Literal.of(value));
  }

  static Criteria cmp(String attribute, ComparisonOperator operator, String value) {
    return cmp(attribute, operator, Literal.of(value));
  }

  static Criteria cmp(String attribute, ComparisonOperator operator, Literal value) {
    return new Criteria.Comparison(attribute, operator, value);
  }

  static Criteria like(String attribute, String pattern) {
    return new Criteria.Like(attribute, pattern, false);
  }

  static Criteria notLike(String attribute, String pattern) {
    return new Criteria.Like(attribute, pattern, true);
  }

  static Criteria in(String attribute, Literal... values) {
    return new Criteria.In(attribute, List.of(values), false);
  }

  static Criteria notIn(String attribute, Literal... values) {
    return new Criteria.In(attribute, List.of(values), true);
  }

  static Criteria and(Criteria... operands) {
    return Criteria.allOf(List.of(operands));
  }

  static Criteria or(Criteria... operands) {
    return Criteria.anyOf(List.of(operands));
  }
}
