package dev.tokensmith.domain.synchro;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ReplicaStatusTest {
  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  private static final Instant T1 = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void anObsoleteReplicaLoadedAgainIsNewWithoutAnObjectAndModifiedWithOne() {
    assertThat(ReplicaStatus.OBSOLETE.loadedAgain(false, false)).isEqualTo(ReplicaStatus.NEW);
    assertThat(ReplicaStatus.OBSOLETE.loadedAgain(false, true)).isEqualTo(ReplicaStatus.MODIFIED);
  }

  @Test
  void aSynchronizedReplicaBecomesModifiedOnlyWhenAValueChanged() {
    assertThat(ReplicaStatus.SYNCHRONIZED.loadedAgain(true, true))
        .isEqualTo(ReplicaStatus.MODIFIED);
    assertThat(ReplicaStatus.SYNCHRONIZED.loadedAgain(false, true))
        .isEqualTo(ReplicaStatus.SYNCHRONIZED);
  }

  @Property
  void newModifiedAndOrphanReplicasKeepTheirStatusWhenLoadedAgain(
      @ForAll("kept") ReplicaStatus status,
      @ForAll boolean changed,
      @ForAll boolean hasDestination) {
    assertThat(status.loadedAgain(changed, hasDestination)).isEqualTo(status);
  }

  @Provide
  Arbitrary<ReplicaStatus> kept() {
    return Arbitraries.of(ReplicaStatus.NEW, ReplicaStatus.MODIFIED, ReplicaStatus.ORPHAN);
  }

  @Property
  void everyStatusReadsBackFromItsCode(@ForAll ReplicaStatus status) {
    assertThat(ReplicaStatus.byCode(status.code())).contains(status);
  }

  @Test
  void aReplicaLoadedAgainKeepsTheColumnsNotSentAndDropsThoseSentAsNull() {
    Map<String, Option<String>> first = new LinkedHashMap<>();
    first.put("name", Option.some("Brontë"));
    first.put("phone", Option.some("123"));
    Replica replica = Replica.loaded("p1", first, T0).synchronizedWith(7, true, "").withId(3);

    Map<String, Option<String>> again = new LinkedHashMap<>();
    again.put("phone", Option.none());
    Replica loaded = replica.loadedAgain(again, T1);

    assertThat(loaded.values()).containsExactly(Map.entry("name", "Brontë"));
    assertThat(loaded.status()).isEqualTo(ReplicaStatus.MODIFIED);
    assertThat(loaded.lastSeen()).isEqualTo(T1);
    assertThat(loaded.destination()).contains(7L);
    assertThat(loaded.destinationCreator()).isTrue();
  }

  @Test
  void aReplicaIsUnseenWhenLastSeenBeforeTheLimitUnlessObsolete() {
    Replica replica = Replica.loaded("p1", Map.of(), T0);
    assertThat(replica.unseenSince(T1)).isTrue();
    assertThat(replica.unseenSince(T0)).isFalse();
    assertThat(replica.withStatus(ReplicaStatus.OBSOLETE, "").unseenSince(T1)).isFalse();
  }

  @Property
  void loadingTheSameValuesAgainNeverModifiesASynchronizedReplica(
      @ForAll("values") Map<String, String> values) {
    Map<String, Option<String>> loaded = new LinkedHashMap<>();
    values.forEach((column, value) -> loaded.put(column, Option.some(value)));
    Replica replica = Replica.loaded("k", loaded, T0).synchronizedWith(1, true, "");
    assertThat(replica.loadedAgain(loaded, T1).status()).isEqualTo(ReplicaStatus.SYNCHRONIZED);
  }

  @Provide
  Arbitrary<Map<String, String>> values() {
    return Arbitraries.maps(
        Arbitraries.of("first_name", "name", "email", "phone", "org_id"),
        Arbitraries.strings().ofMaxLength(20));
  }
}
