package dev.tokensmith.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.synchro.ActionOnMultiple;
import dev.tokensmith.domain.synchro.ActionOnOne;
import dev.tokensmith.domain.synchro.ActionOnZero;
import dev.tokensmith.domain.synchro.DataSourceStatus;
import dev.tokensmith.domain.synchro.DeletePolicy;
import dev.tokensmith.domain.synchro.ReconciliationPolicy;
import dev.tokensmith.domain.synchro.SynchroDataSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two synchronizations of one data source at once, from two instances (two pools): the second finds
 * the source held by the first's transaction and does not wait for it; once the first transaction
 * ends, the source is free again. Nothing outlives a transaction (PgBouncer transaction mode).
 */
class SynchroClaimTest {
  @Test
  void aDataSourceHeldByOneInstancesTransactionIsSkippedByAnotherUntilItEnds() throws Exception {
    JdbiSynchroStore first = TestDatabase.adapters().synchro();
    SynchroDataSource source =
        first.create(
            new SynchroDataSource(
                0,
                "claimed",
                "",
                DataSourceStatus.PRODUCTION,
                0,
                0,
                DirectoryClass.PERSON,
                "",
                "",
                0,
                ReconciliationPolicy.USE_PRIMARY_KEY,
                ActionOnZero.CREATE,
                ActionOnOne.UPDATE,
                ActionOnMultiple.ERROR,
                DeletePolicy.IGNORE,
                "",
                0,
                "nobody",
                "",
                "",
                SynchroDataSource.defaultAttributes(DirectoryClass.PERSON)));
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (HikariDataSource pool = TestDatabase.secondPool();
        PostgresAdapters secondInstance = PostgresAdapters.on(pool)) {
      JdbiSynchroStore second = secondInstance.synchro();
      Future<Boolean> holder =
          executor.submit(
              () ->
                  first.inOneTransaction(
                      false,
                      () -> {
                        boolean claimed = first.claim(source.id());
                        held.countDown();
                        try {
                          release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return claimed;
                      }));
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second.inOneTransaction(false, () -> second.claim(source.id()))).isFalse();
      release.countDown();
      assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second.inOneTransaction(false, () -> second.claim(source.id()))).isTrue();
    } finally {
      release.countDown();
      executor.shutdownNow();
    }
  }
}
