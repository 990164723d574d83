package dev.tokensmith.adapter.http.archviolation;

import dev.tokensmith.application.port.out.TokenStore;

/** An HTTP class reaching an out-port (test fixture). */
public class HttpUsingAnOutPort {
  public TokenStore store;
}
