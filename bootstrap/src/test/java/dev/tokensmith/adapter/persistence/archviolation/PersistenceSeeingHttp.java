package dev.tokensmith.adapter.persistence.archviolation;

import dev.tokensmith.adapter.http.archviolation.HttpCallingAService;

/** A persistence class seeing the HTTP adapter (test fixture). */
public class PersistenceSeeingHttp {
  public HttpCallingAService http;
}
