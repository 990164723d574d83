package dev.tokensmith.domain.archviolation;

/** Breaks the domain allow-list on purpose (test fixture). */
public class DomainUsingTheLogger {
  public Object logger() {
    return com.tngtech.archunit.core.domain.JavaClass.class;
  }
}
