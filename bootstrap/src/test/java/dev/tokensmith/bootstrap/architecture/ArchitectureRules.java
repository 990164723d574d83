package dev.tokensmith.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule of DESIGN §1, as ArchUnit rules shared by the checks and their self-tests.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  static final ArchRule DOMAIN_USES_ONLY_THE_ALLOW_LIST =
      classes()
          .that()
          .resideInAPackage("dev.tokensmith.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "io.vavr..", "org.jspecify..", "dev.tokensmith.domain..")
          .as("domain depends only on the JDK, vavr, jspecify and itself");

  static final ArchRule APPLICATION_USES_ONLY_DOMAIN_AND_THE_ALLOW_LIST =
      classes()
          .that()
          .resideInAPackage("dev.tokensmith.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "io.vavr..",
              "org.jspecify..",
              "dev.tokensmith.domain..",
              "dev.tokensmith.application..")
          .as("application depends only on domain, the JDK, vavr and jspecify");

  static final ArchRule HTTP_ADAPTER_CALLS_ONLY_IN_PORTS =
      callsOnlyInPorts("dev.tokensmith.adapter.http..", "the HTTP adapter calls in-ports only");

  static final ArchRule ITOP_ADAPTER_CALLS_ONLY_IN_PORTS =
      callsOnlyInPorts("dev.tokensmith.adapter.itop..", "the iTop adapter calls in-ports only");

  /**
   * The Javalin plugin (module tokensmith-javalin) reaches tokensmith through in-ports only, like
   * an adapter, and sees no adapter; only its embedded mode (module tokensmith-javalin-embedded,
   * package {@code dev.tokensmith.javalin.embedded}) wires the core on the persistence adapter.
   */
  static final ArchRule JAVALIN_PLUGIN_CALLS_ONLY_IN_PORTS =
      noClasses()
          .that()
          .resideInAPackage("dev.tokensmith.javalin..")
          .and()
          .resideOutsideOfPackage("dev.tokensmith.javalin.embedded..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are services, out-ports (other than StorageFailure), adapters or bootstrap",
                  (JavaClass c) ->
                      c.getPackageName().startsWith("dev.tokensmith.application.service")
                          || c.getPackageName().startsWith("dev.tokensmith.adapter")
                          || c.getPackageName().startsWith("dev.tokensmith.bootstrap")
                          || c.getPackageName().startsWith("dev.tokensmith.javalin.embedded")
                          || (c.getPackageName().startsWith("dev.tokensmith.application.port.out")
                              && !c.getSimpleName().equals("StorageFailure"))))
          .as("the Javalin plugin calls in-ports only");

  static final ArchRule PERSISTENCE_ADAPTER_IMPLEMENTS_ONLY_OUT_PORTS =
      noClasses()
          .that()
          .resideInAPackage("dev.tokensmith.adapter.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.tokensmith.application.port.in..", "dev.tokensmith.application.service..")
          .as("the persistence adapter sees out-ports only");

  static final ArchRule NOTIFICATION_ADAPTER_IMPLEMENTS_ONLY_OUT_PORTS =
      noClasses()
          .that()
          .resideInAPackage("dev.tokensmith.adapter.notification..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.tokensmith.application.port.in..", "dev.tokensmith.application.service..")
          .as("the notification adapter sees out-ports only");

  static final ArchRule ADAPTERS_DO_NOT_SEE_EACH_OTHER =
      slices()
          .matching("dev.tokensmith.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .as("adapters never see each other");

  static final ArchRule CORE_NEVER_SEES_ADAPTERS_OR_BOOTSTRAP =
      noClasses()
          .that()
          .resideInAnyPackage("dev.tokensmith.domain..", "dev.tokensmith.application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.tokensmith.adapter..", "dev.tokensmith.bootstrap..")
          .as("domain and application never see adapters or bootstrap");

  static final ArchRule NO_CYCLES_BETWEEN_PACKAGES =
      slices()
          .matching("dev.tokensmith.(**)")
          .should()
          .beFreeOfCycles()
          .as("no cycles between packages");

  /**
   * Classes of {@code adapterPackage} see no service and no out-port (but the storage faults they
   * answer: StorageFailure and StorageRefusedInput).
   */
  private static ArchRule callsOnlyInPorts(String adapterPackage, String description) {
    return noClasses()
        .that()
        .resideInAPackage(adapterPackage)
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are services or out-ports (other than StorageFailure and StorageRefusedInput)",
                (JavaClass c) ->
                    c.getPackageName().startsWith("dev.tokensmith.application.service")
                        || (c.getPackageName().startsWith("dev.tokensmith.application.port.out")
                            && !c.getSimpleName().equals("StorageFailure")
                            && !c.getSimpleName().equals("StorageRefusedInput"))))
        .as(description);
  }
}
