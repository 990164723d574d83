package dev.tokensmith.adapter.itop;

import dev.tokensmith.application.port.in.SynchroOutcome;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.token.Scope;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * iTop's {@code synchro/synchro_exec.php} (GET or POST, scope {@code synchro}): logs the call in
 * and synchronizes each data source of {@code data_sources} (a comma-separated list of ids) in
 * turn, each in its own transaction ({@code simulate=1} rolls it back), answering iTop's HTML page
 * of {@code <p>} lines (HTTP 200): {@code Working on …}, the traces, {@code ERROR: …} when a run
 * could not go through, and the statistics.
 */
public final class ItopSynchroExecController {
  private static final Logger LOG = LoggerFactory.getLogger(ItopSynchroExecController.class);

  /** Where iTop serves it. */
  public static final String PATH = "/synchro/synchro_exec.php";

  static final String TITLE = "Synchronization of data sources";

  private final BulkLogin login;
  private final ItopSynchroUseCases synchro;
  private final int maxRequestBytes;

  /** The endpoint on the given in-ports; bodies over {@code maxRequestBytes} are refused. */
  public ItopSynchroExecController(
      ItopUseCases useCases, ItopSynchroUseCases synchro, LoginGuard guard, int maxRequestBytes) {
    Objects.requireNonNull(useCases, "useCases");
    this.login = new BulkLogin(useCases, guard, Scope.SYNCHRO, PATH);
    this.synchro = Objects.requireNonNull(synchro, "synchro");
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The handler of {@code GET} and {@code POST /synchro/synchro_exec.php}. */
  public void handle(Context ctx) {
    StringBuilder body = new StringBuilder();
    Map<String, String> headers = Map.of();
    try {
      BulkParameters parameters = BulkParameters.read(ctx, maxRequestBytes);
      Either<Map<String, String>, Principal> actor = login.principal(ctx, parameters);
      if (actor.isLeft()) {
        headers = actor.getLeft();
        body.append(p("Invalid login"));
      } else {
        run(actor.get(), parameters, body);
      }
    } catch (BulkParameters.Unreadable unreadable) {
      body.append(p("ERROR: " + ExportFormat.html(unreadable.getMessage())));
    } catch (StorageFailure outage) {
      LOG.warn(
          "storage unavailable during {} {}: {}", ctx.method().name(), PATH, outage.getMessage());
      headers = Map.of("Retry-After", "5");
      body.append(
          p(
              "ERROR: The service cannot reach its database right now; the run was rolled back;"
                  + " try again."));
    } catch (RuntimeException unexpected) {
      LOG.error("unexpected failure during {} {}", ctx.method().name(), PATH, unexpected);
      body.append(
          p("ERROR: Something went wrong on our side; the run was rolled back; it was logged."));
    }
    ItopPages.send(ctx, 200, ItopPages.page(TITLE, body.toString()), headers);
  }

  private void run(Principal actor, BulkParameters parameters, StringBuilder body) {
    Option<String> list = parameters.nonBlank("data_sources");
    if (list.isEmpty()) {
      body.append(p("ERROR: Missing argument 'data_sources'\n"))
          .append(
              p(
                  "The parameter 'data_sources' is mandatory, and must contain a comma separated"
                      + " list of data sources\n"));
      return;
    }
    boolean simulate = parameters.nonBlank("simulate").exists(value -> value.equals("1"));
    boolean chunked =
        parameters.nonBlank("max_chunk_size").flatMap(DirectoryText::integer).exists(v -> v > 0);
    for (String listed : list.get().split(",")) {
      String given = listed.strip();
      Option<Long> id = DirectoryText.integer(given).filter(value -> value > 0);
      if (id.isEmpty()) {
        body.append(
            p(
                "ERROR: The data source (id="
                    + ExportFormat.html(given)
                    + ") does not exist. Exiting..."));
        return;
      }
      if (chunked) {
        body.append(
            p("ERROR: The synchronization can be executed in chunks only if run in mode CLI"));
        return;
      }
      Either<UseCaseFailure, SynchroOutcome> outcome =
          synchro.synchronize().synchronize(actor, id.get(), simulate);
      if (outcome.isLeft()) {
        body.append(p("ERROR: " + ExportFormat.html(outcome.getLeft().message())));
        return;
      }
      SynchroOutcome done = outcome.get();
      body.append(
          p(
              "Working on "
                  + ExportFormat.html(done.dataSource().name())
                  + " (id="
                  + id.get()
                  + ")..."));
      done.traces().forEach(trace -> body.append(p("#" + ExportFormat.html(trace))));
      done.error().forEach(error -> body.append(p("ERROR: " + ExportFormat.html(error))));
      SynchroText.lines(done.statistics()).forEach(line -> body.append(p(line)));
    }
  }

  /** iTop's {@code p()}: the text (HTML, escaped by the caller where it is data) in a paragraph. */
  private static String p(String html) {
    return "<p>" + html + "</p>";
  }
}
