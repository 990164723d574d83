package dev.tokensmith.application.contract;

import static dev.tokensmith.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.port.out.AuditEvent;
import dev.tokensmith.application.port.out.AuditLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} must do. */
public abstract class AbstractAuditLogContractTest {
  protected abstract AuditLog audit();

  @Test
  void eventsAreListedPerOwnerNewestFirst() {
    String owner = ContractFixtures.unique("owner");
    var id = ContractFixtures.randomId();
    AuditEvent created = new AuditEvent(T0, owner, owner, id, AuditEvent.Action.CREATED, "");
    AuditEvent revoked =
        new AuditEvent(
            T0.plusSeconds(1), "anonymous", owner, id, AuditEvent.Action.REVOKED, "from 192.0.2.1");
    audit().record(created);
    audit().record(revoked);
    audit()
        .record(
            new AuditEvent(
                T0, "x", ContractFixtures.unique("other"), id, AuditEvent.Action.DELETED, ""));
    assertThat(audit().recentFor(owner, 10)).containsExactly(revoked, created);
    assertThat(audit().recentFor(owner, 1)).containsExactly(revoked);
  }

  @Test
  void eventsRecordedTogetherAreAllListed() {
    String owner = ContractFixtures.unique("owner");
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(
          new AuditEvent(
              T0.plusSeconds(i),
              "admin",
              owner,
              ContractFixtures.randomId(),
              AuditEvent.Action.POLICY_DEADLINE,
              T0.plusSeconds(86_400) + " max_lifetime"));
    }
    audit().recordAll(events);
    audit().recordAll(List.of());
    assertThat(audit().recentFor(owner, 10))
        .containsExactly(events.get(2), events.get(1), events.get(0));
  }
}
