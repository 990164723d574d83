package dev.tokensmith.domain.synchro;

import java.util.Objects;

/**
 * How a data source treats one attribute of its target class: whether a load writes it ({@code
 * update}), whether it identifies the object ({@code reconcile}), with which {@link UpdatePolicy};
 * an external key ({@link AttributeKind#EXTERNAL_KEY}) also names the attribute of the object it
 * points at that the replica's value is matched on ({@code reconciliationAttcode}, empty for the
 * id). {@code id} is 0 until it is stored.
 */
public record SynchroAttribute(
    long id,
    String attcode,
    AttributeKind kind,
    boolean update,
    boolean reconcile,
    UpdatePolicy updatePolicy,
    String reconciliationAttcode) {
  public SynchroAttribute {
    Objects.requireNonNull(attcode, "attcode");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(updatePolicy, "updatePolicy");
    Objects.requireNonNull(reconciliationAttcode, "reconciliationAttcode");
    if (attcode.isBlank()) {
      throw new IllegalArgumentException("an attribute has a code");
    }
    if (kind != AttributeKind.EXTERNAL_KEY && !reconciliationAttcode.isEmpty()) {
      throw new IllegalArgumentException("only an external key has a reconciliation_attcode");
    }
  }

  /** The same attribute stored as {@code newId}. */
  public SynchroAttribute withId(long newId) {
    return new SynchroAttribute(
        newId, attcode, kind, update, reconcile, updatePolicy, reconciliationAttcode);
  }

  /** The same attribute with other settings. */
  public SynchroAttribute with(
      boolean newUpdate,
      boolean newReconcile,
      UpdatePolicy newPolicy,
      String newReconciliationAttcode) {
    return new SynchroAttribute(
        id, attcode, kind, newUpdate, newReconcile, newPolicy, newReconciliationAttcode);
  }
}
