package dev.tokensmith.adapter.http.archviolation;

import dev.tokensmith.application.service.AuthenticationService;

/** An HTTP class calling a service instead of an in-port (test fixture). */
public class HttpCallingAService {
  public AuthenticationService service;
}
