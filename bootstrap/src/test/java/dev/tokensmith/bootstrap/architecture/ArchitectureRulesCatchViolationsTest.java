package dev.tokensmith.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.tokensmith.adapter.http.archviolation.HttpCallingAService;
import dev.tokensmith.adapter.http.archviolation.HttpUsingAnOutPort;
import dev.tokensmith.adapter.itop.archviolation.ItopCallingAService;
import dev.tokensmith.adapter.itop.archviolation.ItopSeeingHttp;
import dev.tokensmith.adapter.itop.archviolation.ItopUsingAnOutPort;
import dev.tokensmith.adapter.persistence.archviolation.PersistenceCallingAnInPort;
import dev.tokensmith.adapter.persistence.archviolation.PersistenceSeeingHttp;
import dev.tokensmith.domain.archviolation.CycleA;
import dev.tokensmith.domain.archviolation.DomainUsingTheLogger;
import dev.tokensmith.javalin.archviolation.PluginCallingAService;
import dev.tokensmith.javalin.archviolation.PluginSeeingPersistence;
import dev.tokensmith.javalin.archviolation.PluginUsingAnOutPort;
import org.junit.jupiter.api.Test;

/**
 * Proves each architecture rule fails when broken: each rule meets a class (in this test tree) that
 * breaks it.
 */
class ArchitectureRulesCatchViolationsTest {
  private static JavaClasses classes(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  private static void assertViolated(ArchRule rule, Class<?>... offenders) {
    assertThat(rule.evaluate(classes(offenders)).hasViolation()).as(rule.getDescription()).isTrue();
  }

  @Test
  void domainImportingALoggingFrameworkIsCaught() {
    assertViolated(ArchitectureRules.DOMAIN_USES_ONLY_THE_ALLOW_LIST, DomainUsingTheLogger.class);
  }

  @Test
  void httpAdapterUsingAServiceOrAnOutPortIsCaught() {
    assertViolated(ArchitectureRules.HTTP_ADAPTER_CALLS_ONLY_IN_PORTS, HttpCallingAService.class);
    assertViolated(ArchitectureRules.HTTP_ADAPTER_CALLS_ONLY_IN_PORTS, HttpUsingAnOutPort.class);
  }

  @Test
  void itopAdapterUsingAServiceOrAnOutPortIsCaught() {
    assertViolated(ArchitectureRules.ITOP_ADAPTER_CALLS_ONLY_IN_PORTS, ItopCallingAService.class);
    assertViolated(ArchitectureRules.ITOP_ADAPTER_CALLS_ONLY_IN_PORTS, ItopUsingAnOutPort.class);
  }

  @Test
  void theItopAdapterSeeingTheHttpAdapterIsCaught() {
    assertViolated(
        ArchitectureRules.ADAPTERS_DO_NOT_SEE_EACH_OTHER,
        ItopSeeingHttp.class,
        dev.tokensmith.adapter.http.HttpApi.class);
  }

  @Test
  void javalinPluginUsingAServiceAnOutPortOrAnAdapterIsCaught() {
    assertViolated(
        ArchitectureRules.JAVALIN_PLUGIN_CALLS_ONLY_IN_PORTS, PluginCallingAService.class);
    assertViolated(
        ArchitectureRules.JAVALIN_PLUGIN_CALLS_ONLY_IN_PORTS, PluginUsingAnOutPort.class);
    assertViolated(
        ArchitectureRules.JAVALIN_PLUGIN_CALLS_ONLY_IN_PORTS, PluginSeeingPersistence.class);
  }

  @Test
  void persistenceAdapterCallingAnInPortIsCaught() {
    assertViolated(
        ArchitectureRules.PERSISTENCE_ADAPTER_IMPLEMENTS_ONLY_OUT_PORTS,
        PersistenceCallingAnInPort.class);
  }

  @Test
  void adaptersSeeingEachOtherAreCaught() {
    assertViolated(
        ArchitectureRules.ADAPTERS_DO_NOT_SEE_EACH_OTHER,
        PersistenceSeeingHttp.class,
        HttpCallingAService.class);
  }

  @Test
  void aPackageCycleIsCaught() {
    assertViolated(
        ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES,
        CycleA.class,
        dev.tokensmith.domain.archviolation.other.CycleB.class);
  }

  @Test
  void coreSeeingAnAdapterIsCaught() {
    assertViolated(ArchitectureRules.CORE_NEVER_SEES_ADAPTERS_OR_BOOTSTRAP, CycleA.class);
  }
}
