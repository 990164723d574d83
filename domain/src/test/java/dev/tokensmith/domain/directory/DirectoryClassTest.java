package dev.tokensmith.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class DirectoryClassTest {

  @Test
  void eachClassHasTheAttributeCodesOfTheReference() {
    assertThat(DirectoryClass.PERSON.attributeCodes())
        .containsExactly(
            "id",
            "name",
            "first_name",
            "email",
            "phone",
            "status",
            "org_id",
            "org_name",
            "friendlyname");
    assertThat(DirectoryClass.ORGANIZATION.attributeCodes())
        .containsExactly("id", "name", "status", "friendlyname");
    assertThat(DirectoryClass.USER.attributeCodes())
        .containsExactly(
            "id", "login", "status", "org_id", "contactid", "profile_list", "friendlyname");
  }

  @Test
  void classesAreFoundByTheirExactITopName() {
    assertThat(DirectoryClass.byClassName("Person")).isEqualTo(Option.some(DirectoryClass.PERSON));
    assertThat(DirectoryClass.byClassName("Organization"))
        .isEqualTo(Option.some(DirectoryClass.ORGANIZATION));
    assertThat(DirectoryClass.byClassName("User")).isEqualTo(Option.some(DirectoryClass.USER));
  }

  @Test
  void classNamesAreCaseSensitiveAsInITop() {
    assertThat(DirectoryClass.byClassName("person")).isEqualTo(Option.none());
    assertThat(DirectoryClass.byClassName("PERSON")).isEqualTo(Option.none());
    assertThat(DirectoryClass.byClassName("NoSuchClass")).isEqualTo(Option.none());
    assertThat(DirectoryClass.byClassName(null)).isEqualTo(Option.none());
  }

  @Test
  void attributeLookupIsCaseSensitive() {
    assertThat(DirectoryClass.PERSON.hasAttribute("email")).isTrue();
    assertThat(DirectoryClass.PERSON.hasAttribute("Email")).isFalse();
    assertThat(DirectoryClass.ORGANIZATION.hasAttribute("email")).isFalse();
    assertThat(DirectoryClass.USER.hasAttribute("profile_list")).isTrue();
  }

  @Test
  void personsAndOrganizationsAreWritableAndUsersAreNot() {
    assertThat(DirectoryClass.PERSON.writableAttributeCodes())
        .containsExactly("first_name", "name", "email", "phone", "status", "org_id");
    assertThat(DirectoryClass.ORGANIZATION.writableAttributeCodes())
        .containsExactly("name", "status");
    assertThat(DirectoryClass.USER.writableAttributeCodes()).isEmpty();
    assertThat(DirectoryClass.PERSON.isWritable()).isTrue();
    assertThat(DirectoryClass.USER.isWritable()).isFalse();
    for (DirectoryClass directoryClass : DirectoryClass.values()) {
      assertThat(directoryClass.attributeCodes())
          .containsAll(directoryClass.writableAttributeCodes());
    }
  }

  @Test
  void idsAndExternalKeysAreTheNumericAttributes() {
    assertThat(DirectoryClass.PERSON.isNumeric("id")).isTrue();
    assertThat(DirectoryClass.PERSON.isNumeric("org_id")).isTrue();
    assertThat(DirectoryClass.PERSON.isNumeric("org_name")).isFalse();
    assertThat(DirectoryClass.USER.isNumeric("contactid")).isTrue();
    assertThat(DirectoryClass.ORGANIZATION.isNumeric("org_id")).isFalse();
    assertThat(DirectoryClass.ORGANIZATION.isNumeric("name")).isFalse();
  }
}
