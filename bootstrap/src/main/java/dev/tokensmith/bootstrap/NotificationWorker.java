package dev.tokensmith.bootstrap;

import dev.tokensmith.application.port.in.DeliverNotificationsUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a round of the notification worker every interval on one daemon thread of its own, never on
 * a request thread: a slow SMTP server or webhook delays notifications, not authentications. Every
 * instance runs one; the database's claims make each delivery go out once.
 */
final class NotificationWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);

  private final ScheduledExecutorService executor;
  private final DeliverNotificationsUseCase notifications;
  private final AtomicBoolean failing = new AtomicBoolean();

  private NotificationWorker(DeliverNotificationsUseCase notifications, Duration interval) {
    this.notifications = notifications;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tokensmith-notifications");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** The worker, or none when {@code interval} is zero (this instance leaves sending to others). */
  static AutoCloseable start(DeliverNotificationsUseCase notifications, Duration interval) {
    if (interval.isZero()) {
      return () -> {};
    }
    return new NotificationWorker(notifications, interval);
  }

  /** One round; nothing escapes, or the executor would never run the task again. */
  private void round() {
    try {
      DeliverNotificationsUseCase.Round round = notifications.deliverDue();
      if (failing.compareAndSet(true, false)) {
        LOG.info("notifications are sent again");
      }
      if (round.failed() > 0) {
        LOG.info(
            "notifications: {} sent, {} failed (see the deliveries in Administration)",
            round.sent(),
            round.failed());
      }
    } catch (RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        LOG.warn("cannot send notifications now, retrying every round: {}", e.getMessage());
      }
    } catch (Error e) {
      LOG.error("the notification round failed with {}", e.getClass().getName(), e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
