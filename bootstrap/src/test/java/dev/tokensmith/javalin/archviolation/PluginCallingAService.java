package dev.tokensmith.javalin.archviolation;

import dev.tokensmith.application.service.AuthenticationService;

/** A plugin class calling a service instead of an in-port (test fixture). */
public class PluginCallingAService {
  public AuthenticationService service;
}
