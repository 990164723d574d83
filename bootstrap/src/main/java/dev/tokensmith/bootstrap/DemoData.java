package dev.tokensmith.bootstrap;

import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.DirectoryStore;
import dev.tokensmith.application.port.out.NewPerson;
import dev.tokensmith.domain.account.Organization;
import io.vavr.control.Option;
import java.io.PrintStream;

/**
 * A few organizations and persons on the first start, so a new user has something to query (e.g.
 * with {@code webservices/rest.php}). Switched off with {@code TOKENSMITH_DEMO_DATA=false}.
 */
final class DemoData {
  private DemoData() {}

  static void seed(AccountDirectory accounts, DirectoryStore directory, PrintStream out) {
    Organization demo = organization(accounts, "Demo");
    Organization acme = organization(accounts, "Acme Corporation");
    organization(accounts, "Globex");
    person(directory, "Claude", "Monet", "claude.monet@demo.com", "+33 1 23 45 67 89", demo);
    person(directory, "Berthe", "Morisot", "berthe.morisot@demo.com", null, demo);
    person(directory, "Wile E.", "Coyote", "wile.coyote@acme.example", null, acme);
    person(directory, "Road", "Runner", "road.runner@acme.example", "+1 555 0100", acme);
    out.println(
        "First start: added demo organizations and persons (TOKENSMITH_DEMO_DATA=false to skip).");
  }

  private static Organization organization(AccountDirectory accounts, String name) {
    return accounts.organizationByName(name).getOrElse(() -> accounts.addOrganization(name));
  }

  private static void person(
      DirectoryStore directory,
      String firstName,
      String name,
      String email,
      String phone,
      Organization organization) {
    directory.createPerson(new NewPerson(firstName, name, email, Option.of(phone), organization));
  }
}
