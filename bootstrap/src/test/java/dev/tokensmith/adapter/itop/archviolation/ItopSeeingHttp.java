package dev.tokensmith.adapter.itop.archviolation;

import dev.tokensmith.adapter.http.HttpApi;

/** An iTop adapter class seeing the HTTP adapter (test fixture). */
public class ItopSeeingHttp {
  public HttpApi api;
}
