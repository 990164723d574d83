package dev.tokensmith.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.domain.account.Organization;
import dev.tokensmith.domain.account.OrganizationId;
import dev.tokensmith.domain.account.Person;
import dev.tokensmith.domain.account.PersonId;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryRecordTest {
  private static final Organization DEMO = new Organization(new OrganizationId(3), "Demo");
  private static final Person ADA =
      new Person(new PersonId(6), "Ada", "Lovelace", "ada@demo.com", Option.none(), DEMO);

  @Test
  void aPersonIsRenderedAsITopDoesWithAnEmptyPhoneWhenThereIsNone() {
    DirectoryRecord record = DirectoryRecord.of(ADA);
    assertThat(record.objectKey()).isEqualTo("Person::6");
    assertThat(record.fields())
        .containsExactly(
            Map.entry("id", "6"),
            Map.entry("name", "Lovelace"),
            Map.entry("first_name", "Ada"),
            Map.entry("email", "ada@demo.com"),
            Map.entry("phone", ""),
            Map.entry("status", "active"),
            Map.entry("org_id", "3"),
            Map.entry("org_name", "Demo"),
            Map.entry("friendlyname", "Ada Lovelace"));
    assertThat(record.friendlyName()).isEqualTo("Ada Lovelace");
  }

  @Test
  void anOrganizationsFriendlyNameIsItsName() {
    assertThat(DirectoryRecord.of(DEMO).fields())
        .containsExactly(
            Map.entry("id", "3"),
            Map.entry("name", "Demo"),
            Map.entry("status", "active"),
            Map.entry("friendlyname", "Demo"));
    assertThat(DirectoryRecord.organization(3, "Demo", "inactive").field("status"))
        .isEqualTo("inactive");
  }

  @Test
  void aPersonsStatusIsActiveOrInactive() {
    DirectoryRecord inactive =
        DirectoryRecord.person(6, "Ada", "Lovelace", "a@d.com", Option.none(), "inactive", 3, "D");
    assertThat(inactive.field("status")).isEqualTo("inactive");
    assertThat(DirectoryRecord.isContactStatus("active")).isTrue();
    assertThat(DirectoryRecord.isContactStatus("Active")).isFalse();
    assertThatThrownBy(
            () ->
                DirectoryRecord.person(
                    6, "Ada", "Lovelace", "a@d.com", Option.none(), "gone", 3, "D"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUserListsItsProfilesSortedAndJoinedWithACommaAndASpace() {
    User user =
        new User(
            new UserId(9),
            "ada",
            Status.DISABLED,
            DEMO,
            ADA,
            Set.of(Profile.REST_SERVICES_USER, Profile.ADMINISTRATOR, Profile.DIRECTORY_READER));
    assertThat(DirectoryRecord.of(user).fields())
        .containsExactly(
            Map.entry("id", "9"),
            Map.entry("login", "ada"),
            Map.entry("status", "disabled"),
            Map.entry("org_id", "3"),
            Map.entry("contactid", "6"),
            Map.entry("profile_list", "Administrator, Directory Reader, REST Services User"),
            Map.entry("friendlyname", "ada"));
    assertThat(DirectoryRecord.of(user.withProfiles(Set.of())).field("profile_list")).isEmpty();
  }

  @Test
  void fieldsFollowTheClassOrderWhateverTheMapOrderAndCannotBeChanged() {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("friendlyname", "Demo");
    reversed.put("status", "active");
    reversed.put("name", "Demo");
    reversed.put("id", "3");
    DirectoryRecord record = new DirectoryRecord(DirectoryClass.ORGANIZATION, 3, reversed);
    assertThat(record.fields().keySet()).containsExactly("id", "name", "status", "friendlyname");
    assertThat(record).isEqualTo(DirectoryRecord.of(DEMO));
    assertThatThrownBy(() -> record.fields().put("name", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRecordHasExactlyTheAttributesOfItsClassAndItsOwnId() {
    assertThatThrownBy(
            () ->
                new DirectoryRecord(
                    DirectoryClass.ORGANIZATION, 3, Map.of("id", "3", "name", "Demo")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new DirectoryRecord(
                    DirectoryClass.ORGANIZATION,
                    3,
                    Map.of("id", "3", "name", "Demo", "email", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new DirectoryRecord(
                    DirectoryClass.ORGANIZATION,
                    4,
                    Map.of("id", "3", "name", "Demo", "friendlyname", "Demo")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DirectoryRecord.organization(0, "Demo"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DirectoryRecord.of(DEMO).field("email"))
        .hasMessage("email: Unknown attribute");
  }
}
