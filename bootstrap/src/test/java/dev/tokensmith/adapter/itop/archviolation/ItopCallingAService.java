package dev.tokensmith.adapter.itop.archviolation;

import dev.tokensmith.application.service.DirectoryService;

/** An iTop adapter class calling a service instead of an in-port (test fixture). */
public class ItopCallingAService {
  public DirectoryService service;
}
