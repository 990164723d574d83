package dev.tokensmith.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN §1 enforced on every production class of every module. */
@AnalyzeClasses(
    packages = "dev.tokensmith",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  /** Leaves out the application's test-jar (fakes and contract tests use test libraries). */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }

  @ArchTest
  static final ArchRule domain_depends_only_on_the_allow_list =
      ArchitectureRules.DOMAIN_USES_ONLY_THE_ALLOW_LIST;

  @ArchTest
  static final ArchRule application_depends_only_on_domain =
      ArchitectureRules.APPLICATION_USES_ONLY_DOMAIN_AND_THE_ALLOW_LIST;

  @ArchTest
  static final ArchRule http_adapter_calls_only_in_ports =
      ArchitectureRules.HTTP_ADAPTER_CALLS_ONLY_IN_PORTS;

  @ArchTest
  static final ArchRule itop_adapter_calls_only_in_ports =
      ArchitectureRules.ITOP_ADAPTER_CALLS_ONLY_IN_PORTS;

  @ArchTest
  static final ArchRule javalin_plugin_calls_only_in_ports =
      ArchitectureRules.JAVALIN_PLUGIN_CALLS_ONLY_IN_PORTS;

  @ArchTest
  static final ArchRule persistence_adapter_sees_only_out_ports =
      ArchitectureRules.PERSISTENCE_ADAPTER_IMPLEMENTS_ONLY_OUT_PORTS;

  @ArchTest
  static final ArchRule notification_adapter_sees_only_out_ports =
      ArchitectureRules.NOTIFICATION_ADAPTER_IMPLEMENTS_ONLY_OUT_PORTS;

  @ArchTest
  static final ArchRule adapters_do_not_see_each_other =
      ArchitectureRules.ADAPTERS_DO_NOT_SEE_EACH_OTHER;

  @ArchTest
  static final ArchRule core_never_sees_adapters =
      ArchitectureRules.CORE_NEVER_SEES_ADAPTERS_OR_BOOTSTRAP;

  @ArchTest static final ArchRule no_cycles = ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES;
}
