package dev.tokensmith.adapter.itop.archviolation;

import dev.tokensmith.application.port.out.DirectoryStore;

/** An iTop adapter class reaching an out-port around the core (test fixture). */
public class ItopUsingAnOutPort {
  public DirectoryStore store;
}
