package dev.tokensmith.domain.synchro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.domain.directory.DirectoryClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SynchroDataSourceTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

  static SynchroDataSource source(
      ReconciliationPolicy reconciliation,
      DeletePolicy policy,
      String update,
      long retention,
      long periodicity,
      List<SynchroAttribute> attributes) {
    return new SynchroDataSource(
        0,
        "Persons",
        "",
        DataSourceStatus.PRODUCTION,
        0,
        0,
        DirectoryClass.PERSON,
        "",
        "",
        periodicity,
        reconciliation,
        ActionOnZero.CREATE,
        ActionOnOne.UPDATE,
        ActionOnMultiple.ERROR,
        policy,
        update,
        retention,
        "nobody",
        "",
        "",
        attributes);
  }

  static SynchroDataSource persons(DeletePolicy policy, String update, long retention) {
    return source(
        ReconciliationPolicy.USE_ATTRIBUTES,
        policy,
        update,
        retention,
        3600,
        SynchroDataSource.defaultAttributes(DirectoryClass.PERSON));
  }

  @Test
  void aNewPersonSourceHasOneAttributePerWritableAttributeReconciledOnItopsKeys() {
    List<SynchroAttribute> attributes = SynchroDataSource.defaultAttributes(DirectoryClass.PERSON);
    assertThat(attributes)
        .extracting(SynchroAttribute::attcode)
        .containsExactly("first_name", "name", "email", "phone", "status", "org_id");
    assertThat(attributes)
        .filteredOn(SynchroAttribute::reconcile)
        .extracting(SynchroAttribute::attcode)
        .containsExactly("first_name", "name", "email", "org_id");
    assertThat(attributes.get(5).kind()).isEqualTo(AttributeKind.EXTERNAL_KEY);
    assertThat(SynchroDataSource.check(persons(DeletePolicy.IGNORE, "", 0)).isRight()).isTrue();
  }

  @Test
  void useAttributesNeedsAReconciledAttribute() {
    List<SynchroAttribute> none =
        SynchroDataSource.defaultAttributes(DirectoryClass.PERSON).stream()
            .map(a -> a.with(true, false, a.updatePolicy(), ""))
            .toList();
    SynchroDataSource source =
        source(ReconciliationPolicy.USE_ATTRIBUTES, DeletePolicy.IGNORE, "", 0, 0, none);
    assertThat(SynchroDataSource.check(source).getLeft()).contains("reconcile");
    assertThat(
            SynchroDataSource.check(
                    source(
                        ReconciliationPolicy.USE_PRIMARY_KEY, DeletePolicy.IGNORE, "", 0, 0, none))
                .isRight())
        .isTrue();
  }

  @Test
  void updateThenDeleteNeedsARetentionAndAnUpdate() {
    assertThat(
            SynchroDataSource.check(persons(DeletePolicy.UPDATE_THEN_DELETE, "phone:x", 0))
                .isLeft())
        .isTrue();
    assertThat(SynchroDataSource.check(persons(DeletePolicy.UPDATE_THEN_DELETE, "", 60)).isLeft())
        .isTrue();
    assertThat(SynchroDataSource.check(persons(DeletePolicy.UPDATE, "", 0)).isLeft()).isTrue();
    assertThat(
            SynchroDataSource.check(persons(DeletePolicy.UPDATE_THEN_DELETE, "phone:x", 60))
                .isRight())
        .isTrue();
  }

  @Test
  void theDeletePolicyUpdateMayOnlyWriteWritableAttributes() {
    assertThat(SynchroDataSource.check(persons(DeletePolicy.UPDATE, "org_name:x", 0)).getLeft())
        .startsWith("delete_policy_update: 'org_name' is not a writable attribute of Person");
    assertThat(
            SynchroDataSource.check(persons(DeletePolicy.UPDATE, "status:inactive", 0)).isRight())
        .isTrue();
    assertThat(SynchroDataSource.check(persons(DeletePolicy.UPDATE, "phone", 0)).getLeft())
        .contains("attcode:value");
  }

  @Test
  void anAttributeMustBeOneOfTheClassAndOfItsKind() {
    SynchroAttribute derived =
        new SynchroAttribute(
            0, "org_name", AttributeKind.PLAIN, true, false, UpdatePolicy.MASTER_LOCKED, "");
    assertThat(SynchroDataSource.checkAttribute(DirectoryClass.PERSON, derived).isLeft()).isTrue();
    SynchroAttribute plainOrg =
        new SynchroAttribute(
            0, "org_id", AttributeKind.PLAIN, true, false, UpdatePolicy.MASTER_LOCKED, "");
    assertThat(SynchroDataSource.checkAttribute(DirectoryClass.PERSON, plainOrg).isLeft()).isTrue();
    SynchroAttribute badKey =
        new SynchroAttribute(
            0,
            "org_id",
            AttributeKind.EXTERNAL_KEY,
            true,
            false,
            UpdatePolicy.MASTER_LOCKED,
            "code");
    assertThat(SynchroDataSource.checkAttribute(DirectoryClass.PERSON, badKey).isLeft()).isTrue();
  }

  @Property
  void withAPeriodicityTheUnseenLimitIsThatLongBeforeNowAndWithoutItNothingIsUnseen(
      @ForAll @LongRange(min = 0, max = 10_000_000) long periodicity) {
    SynchroDataSource source =
        source(
            ReconciliationPolicy.USE_PRIMARY_KEY,
            DeletePolicy.DELETE,
            "",
            0,
            periodicity,
            SynchroDataSource.defaultAttributes(DirectoryClass.PERSON));
    Instant limit = source.unseenLimit(NOW);
    if (periodicity == 0) {
      assertThat(limit).isEqualTo(Instant.EPOCH);
    } else {
      assertThat(Duration.between(limit, NOW).getSeconds()).isEqualTo(periodicity);
    }
    assertThat(Duration.between(source.unseenLimitAfterLoad(NOW), NOW).getSeconds())
        .isEqualTo(periodicity);
  }

  @Test
  void eachDeletePolicyActsAsItsNameSays() {
    assertThat(DeletePolicy.IGNORE.actsOnUnseen()).isFalse();
    assertThat(DeletePolicy.DELETE.deletesUnseen()).isTrue();
    assertThat(DeletePolicy.DELETE.updatesUnseen()).isFalse();
    assertThat(DeletePolicy.UPDATE.updatesUnseen()).isTrue();
    assertThat(DeletePolicy.UPDATE.deletesAfterRetention()).isFalse();
    assertThat(DeletePolicy.UPDATE_THEN_DELETE.updatesUnseen()).isTrue();
    assertThat(DeletePolicy.UPDATE_THEN_DELETE.deletesAfterRetention()).isTrue();
    for (DeletePolicy policy : DeletePolicy.values()) {
      assertThat(DeletePolicy.byCode(policy.code())).contains(policy);
    }
  }

  @Test
  void writeIfEmptyWritesOnlyOverAnEmptyValue() {
    assertThat(UpdatePolicy.WRITE_IF_EMPTY.writesOver("")).isTrue();
    assertThat(UpdatePolicy.WRITE_IF_EMPTY.writesOver("x")).isFalse();
    assertThat(UpdatePolicy.MASTER_LOCKED.writesOver("x")).isTrue();
    assertThat(UpdatePolicy.MASTER_UNLOCKED.writesOver("x")).isTrue();
  }

  @Test
  void theDeletePolicyUpdateReadsAttcodeValuePairs() {
    assertThat(DeletePolicyUpdate.parse("phone:gone;name:").get().values())
        .containsExactly(java.util.Map.entry("phone", "gone"), java.util.Map.entry("name", ""));
    assertThat(DeletePolicyUpdate.parse("phone:a;phone:b").isLeft()).isTrue();
    assertThat(DeletePolicyUpdate.parse(" ").get().isEmpty()).isTrue();
  }
}
