package dev.tokensmith.domain.archviolation.other;

import dev.tokensmith.domain.archviolation.CycleA;

/** The other half of a package cycle (test fixture). */
public class CycleB {
  public CycleA back;
}
