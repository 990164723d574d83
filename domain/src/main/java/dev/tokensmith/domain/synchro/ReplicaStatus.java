package dev.tokensmith.domain.synchro;

import io.vavr.control.Option;

/**
 * Where a replica stands with its object: {@code new} (never synchronized), {@code synchronized},
 * {@code modified} (loaded with other values since), {@code orphan} (its object vanished) or {@code
 * obsolete} (not seen in a full load, its object updated by the delete policy).
 */
public enum ReplicaStatus {
  NEW("new"),
  SYNCHRONIZED("synchronized"),
  MODIFIED("modified"),
  ORPHAN("orphan"),
  OBSOLETE("obsolete");

  private final String code;

  ReplicaStatus(String code) {
    this.code = code;
  }

  /** The value as iTop spells it. */
  public String code() {
    return code;
  }

  /**
   * The status after the replica is loaded again, as iTop's update trigger sets it: an obsolete
   * replica comes back as new (no object yet) or modified, a synchronized one whose values {@code
   * changed} becomes modified; the others keep theirs.
   */
  public ReplicaStatus loadedAgain(boolean changed, boolean hasDestination) {
    if (this == OBSOLETE) {
      return hasDestination ? MODIFIED : NEW;
    }
    if (this == SYNCHRONIZED && changed) {
      return MODIFIED;
    }
    return this;
  }

  /** Whether a replica in this status counts for the unseen-replica phase (all but obsolete). */
  public boolean canBecomeUnseen() {
    return this != OBSOLETE;
  }

  /** The value iTop spells {@code code}, if any. */
  public static Option<ReplicaStatus> byCode(String code) {
    for (ReplicaStatus value : values()) {
      if (value.code.equals(code)) {
        return Option.some(value);
      }
    }
    return Option.none();
  }
}
