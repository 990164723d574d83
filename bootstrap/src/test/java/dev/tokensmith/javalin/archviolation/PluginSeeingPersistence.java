package dev.tokensmith.javalin.archviolation;

import dev.tokensmith.adapter.persistence.PostgresAdapters;

/** A plugin class wiring the persistence adapter itself (test fixture). */
public class PluginSeeingPersistence {
  public PostgresAdapters storage;
}
