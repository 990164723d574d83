package dev.tokensmith.application.port.in;

/**
 * What an import did, counted (iTop's summary lines): rows created, updated, left unchanged and in
 * error, and the cell problems of rows written anyway ({@code #Warnings}).
 */
public record ImportTotals(long created, long updated, long unchanged, long issues, long warnings) {
  public ImportTotals {
    if (created < 0 || updated < 0 || unchanged < 0 || issues < 0 || warnings < 0) {
      throw new IllegalArgumentException("counts are not negative");
    }
  }

  /** The rows counted. */
  public long rows() {
    return created + updated + unchanged + issues;
  }
}
