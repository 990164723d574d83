package dev.tokensmith.javalin.archviolation;

import dev.tokensmith.application.port.out.TokenStore;

/** A plugin class reading the token store itself (test fixture). */
public class PluginUsingAnOutPort {
  public TokenStore tokens;
}
