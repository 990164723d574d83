package dev.tokensmith.javalin.embedded;

import dev.tokensmith.application.port.in.DeliverNotificationsUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification worker of a service embedding tokensmith: a round every interval on one daemon
 * thread of its own, never on a request thread, as every tokensmith instance runs one. The
 * database's claims make each delivery go out once, whichever instance takes it.
 */
final class NotificationRounds implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationRounds.class);

  private final ScheduledExecutorService executor;
  private final DeliverNotificationsUseCase notifications;
  private final AtomicBoolean failing = new AtomicBoolean();

  NotificationRounds(DeliverNotificationsUseCase notifications, Duration interval) {
    this.notifications = notifications;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tokensmith-embedded-notifications");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** One round; nothing escapes, or the executor would never run the task again. */
  private void round() {
    try {
      DeliverNotificationsUseCase.Round round = notifications.deliverDue();
      if (failing.compareAndSet(true, false)) {
        LOG.info("tokensmith notifications are sent again");
      }
      if (round.failed() > 0) {
        LOG.info(
            "tokensmith notifications: {} sent, {} failed (see the deliveries in tokensmith's"
                + " Administration)",
            round.sent(),
            round.failed());
      }
    } catch (RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        LOG.warn(
            "cannot send tokensmith notifications now, retrying every round: {}", e.getMessage());
      }
    } catch (Error e) {
      LOG.error("the tokensmith notification round failed with {}", e.getClass().getName(), e);
    }
  }

  /** Stops the rounds; a round under way ends first (at most one send's time). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
