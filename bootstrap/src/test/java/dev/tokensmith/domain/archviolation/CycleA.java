package dev.tokensmith.domain.archviolation;

import dev.tokensmith.domain.archviolation.other.CycleB;

/** Half of a package cycle, and a domain class seeing an adapter (test fixture). */
public class CycleA {
  public CycleB other;
  public dev.tokensmith.adapter.http.archviolation.HttpCallingAService adapter;
}
