package dev.tokensmith.bootstrap;

import dev.tokensmith.application.port.out.AccountDirectory;
import java.io.PrintStream;
import java.util.List;

/**
 * A few organizations (and, with the directory, persons) on the first start, so a new user has
 * something to query. Switched off with {@code TOKENSMITH_DEMO_DATA=false}.
 */
final class DemoData {
  private DemoData() {}

  static void seed(AccountDirectory accounts, PrintStream out) {
    for (String name : List.of("Demo", "Acme Corporation", "Globex")) {
      if (accounts.organizationByName(name).isEmpty()) {
        accounts.addOrganization(name);
      }
    }
    out.println("First start: added demo organizations (TOKENSMITH_DEMO_DATA=false to skip).");
  }
}
