package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.synchro.SynchroDataSource;
import dev.tokensmith.domain.synchro.SynchroStatistics;
import io.vavr.control.Option;
import java.util.List;

/**
 * One synchronization of a data source: its counters, the error that stopped it (iTop's log status
 * {@code error} and {@code last_error}), and a trace line per replica acted on.
 */
public record SynchroOutcome(
    SynchroDataSource dataSource,
    SynchroStatistics statistics,
    Option<String> error,
    List<String> traces) {
  public SynchroOutcome {
    traces = List.copyOf(traces);
  }
}
