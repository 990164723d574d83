package dev.tokensmith.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class DirectoryOutcomesTest {
  private static final DirectoryRecord DEMO = DirectoryRecord.organization(4, "Demo");

  @Test
  void anObjectInUseSaysWhatUsesIt() {
    assertThat(new DeleteOutcome.InUse(DEMO, 0, 1, 0).reason()).isEqualTo("it is used by 1 user");
    assertThat(new DeleteOutcome.InUse(DEMO, 2, 0, 3).reason())
        .isEqualTo("it is used by 2 persons and 3 application tokens");
    assertThat(new DeleteOutcome.InUse(DEMO, 1, 2, 1).reason())
        .isEqualTo("it is used by 1 person, 2 users and 1 application token");
  }

  @Test
  void anObjectInUseHasADependent() {
    assertThatThrownBy(() -> new DeleteOutcome.InUse(DEMO, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeleteOutcome.InUse(DEMO, -1, 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConflictNamesTheClassTheAttributeAndTheValue() {
    assertThat(new DirectoryConflict(DirectoryClass.ORGANIZATION, "name", "Demo").message())
        .isEqualTo("An Organization with name 'Demo' exists already.");
  }

  @Test
  void aPhoneChangeOfTheEmptyTextRemovesThePhone() {
    assertThat(PersonChanges.NONE.phoneAfter(Option.some("1"))).contains("1");
    PersonChanges removed =
        new PersonChanges(
            Option.none(), Option.none(), Option.none(), Option.some(""), Option.none());
    assertThat(removed.phoneAfter(Option.some("1"))).isEmpty();
    PersonChanges changed =
        new PersonChanges(
            Option.none(), Option.none(), Option.none(), Option.some("2"), Option.none());
    assertThat(changed.phoneAfter(Option.none())).contains("2");
  }
}
