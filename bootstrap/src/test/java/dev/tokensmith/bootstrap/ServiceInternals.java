package dev.tokensmith.bootstrap;

import javax.sql.DataSource;

/** What tests in other packages may reach inside a running {@link TokensmithService}. */
public final class ServiceInternals {
  private ServiceInternals() {}

  /** The pool of the service's database, to fill it with SQL. */
  public static DataSource dataSource(TokensmithService service) {
    return service.database().dataSource();
  }
}
