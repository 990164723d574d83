package dev.tokensmith.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensmith.application.port.out.SynchroStore;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.synchro.ActionOnMultiple;
import dev.tokensmith.domain.synchro.ActionOnOne;
import dev.tokensmith.domain.synchro.ActionOnZero;
import dev.tokensmith.domain.synchro.DataSourceStatus;
import dev.tokensmith.domain.synchro.DeletePolicy;
import dev.tokensmith.domain.synchro.ReconciliationPolicy;
import dev.tokensmith.domain.synchro.Replica;
import dev.tokensmith.domain.synchro.ReplicaStatus;
import dev.tokensmith.domain.synchro.SynchroAttribute;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroLog;
import dev.tokensmith.domain.synchro.SynchroLogStatus;
import dev.tokensmith.domain.synchro.SynchroStatistics;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SynchroStore} must do. */
public abstract class AbstractSynchroStoreContractTest {
  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  protected abstract SynchroStore store();

  private static SynchroDataSource source(String name) {
    return new SynchroDataSource(
        0,
        name,
        "persons from HR",
        DataSourceStatus.PRODUCTION,
        3,
        4,
        DirectoryClass.PERSON,
        "hr",
        "",
        3600,
        ReconciliationPolicy.USE_ATTRIBUTES,
        ActionOnZero.CREATE,
        ActionOnOne.UPDATE,
        ActionOnMultiple.TAKE_FIRST,
        DeletePolicy.UPDATE_THEN_DELETE,
        "status:inactive",
        86400,
        "administrators",
        "https://icon",
        "https://app",
        SynchroDataSource.defaultAttributes(DirectoryClass.PERSON));
  }

  private static String unique() {
    return "source " + UUID.randomUUID();
  }

  @Test
  void aCreatedDataSourceReadsBackWithItsFieldsAndAttributeIds() {
    SynchroDataSource created = store().create(source(unique()));
    assertThat(created.id()).isPositive();
    assertThat(created.attributes()).hasSize(6).allMatch(attribute -> attribute.id() > 0);
    SynchroDataSource read = store().dataSource(created.id()).get();
    assertThat(read).isEqualTo(created);
    assertThat(store().dataSources()).contains(created);
    assertThat(store().dataSource(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void anUpdateKeepsTheIdsOfKeptAttributesAndDropsTheOthers() {
    SynchroDataSource created = store().create(source(unique()));
    List<SynchroAttribute> attributes = new ArrayList<>(created.attributes());
    SynchroAttribute email = attributes.get(2);
    attributes.remove(3);
    attributes.set(2, email.with(false, true, email.updatePolicy(), ""));
    SynchroDataSource updated = store().update(created.stored(created.id(), attributes));
    assertThat(updated.attributes()).hasSize(5);
    assertThat(updated.attributes().get(2).id()).isEqualTo(email.id());
    assertThat(updated.attributes().get(2).update()).isFalse();
    assertThat(store().dataSource(created.id()).get()).isEqualTo(updated);
  }

  @Test
  void replicasAreInsertedThenUpdatedWithTheirValuesAndStatus() {
    SynchroDataSource created = store().create(source(unique()));
    Map<String, Option<String>> loaded = new LinkedHashMap<>();
    loaded.put("name", Option.some("Brontë"));
    loaded.put("phone", Option.none());
    List<Replica> saved = store().save(created.id(), List.of(Replica.loaded("p1", loaded, T0)));
    assertThat(saved).hasSize(1);
    Replica replica = saved.get(0);
    assertThat(replica.id()).isPositive();
    assertThat(store().replicas(created.id())).containsExactly(replica);

    Replica synced = replica.synchronizedWith(42, true, "a warning");
    store().save(created.id(), List.of(synced));
    Replica read = store().replicas(created.id()).get(0);
    assertThat(read.status()).isEqualTo(ReplicaStatus.SYNCHRONIZED);
    assertThat(read.destination()).contains(42L);
    assertThat(read.destinationCreator()).isTrue();
    assertThat(read.lastWarning()).isEqualTo("a warning");
    assertThat(read.values()).containsExactly(Map.entry("name", "Brontë"));

    store().delete(List.of(read.id()));
    assertThat(store().replicas(created.id())).isEmpty();
  }

  @Test
  void aRolledBackTransactionLeavesNoReplica() {
    SynchroDataSource created = store().create(source(unique()));
    int saved =
        store()
            .inOneTransaction(
                true,
                () ->
                    store().save(created.id(), List.of(Replica.loaded("p1", Map.of(), T0))).size());
    assertThat(saved).isEqualTo(1);
    assertThat(store().replicas(created.id())).isEmpty();
  }

  @Test
  void aDataSourceIsHeldOnlyInsideATransactionAndOnlyIfItExists() {
    SynchroDataSource created = store().create(source(unique()));
    assertThatThrownBy(() -> store().claim(created.id())).isInstanceOf(IllegalStateException.class);
    assertThat(store().inOneTransaction(false, () -> store().claim(created.id()))).isTrue();
    assertThat(store().inOneTransaction(false, () -> store().claim(Long.MAX_VALUE))).isFalse();
    // held by the transaction, not beyond it
    assertThat(store().inOneTransaction(false, () -> store().claim(created.id()))).isTrue();
  }

  @Test
  void aLogIsInsertedRunningThenEndedAndGoesWithItsDataSourceAndItsReplicas() {
    SynchroDataSource created = store().create(source(unique()));
    SynchroLog running = store().saveLog(SynchroLog.running(created.id(), T0));
    assertThat(running.id()).isPositive();
    assertThat(store().logs(created.id())).containsExactly(running);

    SynchroStatistics counted =
        new SynchroStatistics(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    SynchroLog ended =
        store()
            .saveLog(
                running.ended(T0.plusSeconds(5), counted, Option.some("All records … cancelled.")));
    SynchroLog read = store().logs(created.id()).get(0);
    assertThat(read).isEqualTo(ended);
    assertThat(read.status()).isEqualTo(SynchroLogStatus.ERROR);
    assertThat(read.endDate()).contains(T0.plusSeconds(5));
    assertThat(read.statistics()).isEqualTo(counted);

    SynchroLog other = store().saveLog(SynchroLog.running(created.id(), T0.plusSeconds(9)));
    store().deleteLog(other.id());
    assertThat(store().logs(created.id())).containsExactly(ended);

    store().save(created.id(), List.of(Replica.loaded("p1", Map.of(), T0)));
    SynchroDataSource kept = store().create(source(unique()));
    assertThat(store().deleteDataSource(created.id())).isTrue();
    assertThat(store().dataSource(created.id())).isEmpty();
    assertThat(store().replicas(created.id())).isEmpty();
    assertThat(store().logs(created.id())).isEmpty();
    assertThat(store().deleteDataSource(created.id())).isFalse();
    assertThat(store().dataSource(kept.id()).isDefined()).isTrue();
  }
}
