package dev.tokensmith.bootstrap;

import dev.tokensmith.application.port.in.DeliverNotificationsUseCase;
import javax.sql.DataSource;

/** What tests in other packages may reach inside a running {@link TokensmithService}. */
public final class ServiceInternals {
  private ServiceInternals() {}

  /** The pool of the service's database, to fill it with SQL. */
  public static DataSource dataSource(TokensmithService service) {
    return service.database().dataSource();
  }

  /** The service's notification worker, for tests that run its rounds themselves. */
  public static DeliverNotificationsUseCase notifications(TokensmithService service) {
    return service.notifications();
  }

  /** Writes the service's pending usage counts now, as its flusher does every interval. */
  public static void flushUses(TokensmithService service) {
    service.database().adapters().tokens().flushUses();
  }
}
