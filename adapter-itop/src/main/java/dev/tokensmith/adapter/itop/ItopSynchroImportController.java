package dev.tokensmith.adapter.itop;

import dev.tokensmith.application.port.in.LoadReplicasCommand;
import dev.tokensmith.application.port.in.LoadReport;
import dev.tokensmith.application.port.in.LoadReport.LoadedRow;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryText;
import dev.tokensmith.domain.token.Scope;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * iTop's {@code synchro/synchro_import.php} (POST, scope {@code synchro}): logs the call in, reads
 * the POSTed {@code csvdata} in its {@code charset}, loads the rows into the data source's replicas
 * (in one transaction; {@code simulate} rolls it back) and, with {@code synchronize=1} (iTop's
 * default), synchronizes right after. Answers iTop's page of {@code #…<br/>} lines (HTTP 200,
 * {@code text/html}); {@code output=retcode} ends with the number of rows in error. A parameter or
 * structure error is one {@code #<message>} line and nothing is loaded.
 */
public final class ItopSynchroImportController {
  private static final Logger LOG = LoggerFactory.getLogger(ItopSynchroImportController.class);

  /** Where iTop serves it. */
  public static final String PATH = "/synchro/synchro_import.php";

  private static final Set<String> OUTPUTS = Set.of("summary", "details", "retcode");

  static final String RULE = "------------------------------------------------------------";

  private static final String USAGE =
      "<p>USAGE:\n</p>"
          + "<p>data_source_id = Synchro data source id, mandatory</p>"
          + "<p>csvdata = data, mandatory</p>"
          + "<p>synchronize = If set to 1, then the synchronization will be executed right after"
          + " the data load, optional, defaults to [1]</p>"
          + "<p>charset = Character set encoding of the CSV data: UTF-8, ISO-8859-1, WINDOWS-1251,"
          + " WINDOWS-1252, ISO-8859-15, optional, defaults to [UTF-8]</p>"
          + "<p>date_format = Input date format (used both for dates and datetimes), optional,"
          + " defaults to [Y-m-d H:i:s]</p>"
          + "<p>separator = column separator in CSV data (1 char, or 'tab'), optional, defaults to"
          + " [;]</p>"
          + "<p>qualifier = test qualifier in CSV data, optional, defaults to [\"]</p>"
          + "<p>output = [retcode] to return the count of lines in error, [summary] to return a"
          + " concise report, [details] to get a detailed report (each line listed), optional,"
          + " defaults to [summary]</p>"
          + "<p>max_chunk_size = Limit on the count of records that can be loaded at once while"
          + " performing the synchronization, optional, defaults to [0]</p>"
          + "<p>simulate = If set to 1, then the load will not be executed, but the expected report"
          + " will be produced, optional, defaults to [0]</p>"
          + "<p>comment = Comment to be added into the change log, optional, defaults to []</p>"
          + "<p>no_stop_on_import_error = Don't stop the import in case of SQL import error. By"
          + " default the import will stop at the first error (and rollback all changes). If this"
          + " flag is set to 1 the import will continue anyway, optional, defaults to [0]</p>";

  private final BulkLogin login;
  private final ItopSynchroUseCases synchro;
  private final int maxRequestBytes;

  /** The endpoint on the given in-ports; bodies over {@code maxRequestBytes} are refused. */
  public ItopSynchroImportController(
      ItopUseCases useCases, ItopSynchroUseCases synchro, LoginGuard guard, int maxRequestBytes) {
    Objects.requireNonNull(useCases, "useCases");
    this.login = new BulkLogin(useCases, guard, Scope.SYNCHRO, PATH);
    this.synchro = Objects.requireNonNull(synchro, "synchro");
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The handler of {@code POST /synchro/synchro_import.php}. */
  public void handle(Context ctx) {
    String answer;
    try {
      BulkParameters parameters = BulkParameters.read(ctx, maxRequestBytes);
      Either<Map<String, String>, Principal> actor = login.principal(ctx, parameters);
      if (actor.isLeft()) {
        actor.getLeft().forEach(ctx::header);
        answer = "<p>Invalid login</p>";
      } else {
        answer = run(actor.get(), parameters);
      }
    } catch (BulkParameters.Unreadable unreadable) {
      answer = comment(unreadable.getMessage());
    } catch (StorageFailure outage) {
      LOG.warn("storage unavailable during POST {}: {}", PATH, outage.getMessage());
      ctx.header("Retry-After", "5");
      answer =
          comment(
              "The service cannot reach its database right now; nothing was loaded; try again.");
    } catch (RuntimeException unexpected) {
      LOG.error("unexpected failure during POST {}", PATH, unexpected);
      answer = comment("Something went wrong on our side; nothing was loaded; it was logged.");
    }
    send(ctx, answer);
  }

  static void send(Context ctx, String answer) {
    ctx.status(200);
    ctx.header("Cache-Control", "no-cache, no-store, must-revalidate");
    ctx.header("Pragma", "no-cache");
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType("text/html; charset=UTF-8");
    ctx.result(answer);
  }

  private String run(Principal actor, BulkParameters parameters) {
    Option<String> sourceId = parameters.nonBlank("data_source_id");
    if (sourceId.isEmpty()) {
      return "<p>ERROR: Missing argument 'data_source_id'\n</p>" + USAGE;
    }
    Option<byte[]> csvdata = parameters.postedBytes("csvdata");
    if (csvdata.isEmpty()) {
      return "<p>ERROR: Missing argument 'csvdata'"
          + (parameters.onlyInQuery("csvdata") ? " (csvdata must be POSTed, not in the URL)" : "")
          + "\n</p>"
          + USAGE;
    }
    String separator = parameters.nonBlank("separator").getOrElse(";");
    if (separator.equals("tab")) {
      separator = "\t";
    }
    String qualifier = parameters.nonBlank("qualifier").getOrElse("\"");
    String output = parameters.nonBlank("output").getOrElse("summary");
    String charsetName = parameters.nonBlank("charset").getOrElse("UTF-8").toUpperCase(Locale.ROOT);
    String dateFormat = parameters.nonBlank("date_format").getOrElse("Y-m-d H:i:s");
    boolean synchronize = !parameters.nonBlank("synchronize").exists(value -> value.equals("0"));
    boolean simulate = parameters.nonBlank("simulate").exists(value -> value.equals("1"));
    boolean continueOnError =
        parameters.nonBlank("no_stop_on_import_error").exists(value -> value.equals("1"));
    String note = parameters.nonBlank("comment").getOrElse("");
    Option<Long> maxChunk = parameters.nonBlank("max_chunk_size").flatMap(DirectoryText::integer);
    if (csvdata.get().length == 0) {
      return comment("Missing data - at least one line is expected");
    }
    Option<Long> id = DirectoryText.integer(sourceId.get()).filter(value -> value > 0);
    if (id.isEmpty()) {
      return comment("Unknown data source id: '" + sourceId.get() + "'");
    }
    if (separator.length() != 1) {
      return comment("Separator is limited to one character, found '" + separator + "'");
    }
    if (qualifier.length() != 1) {
      return comment("Text qualifier is limited to one character, found '" + qualifier + "'");
    }
    if (!OUTPUTS.contains(output)) {
      return comment("Unknown output format: '" + output + "'");
    }
    if (synchronize && maxChunk.exists(value -> value > 0)) {
      return comment(
          "The synchronization can be executed in chunks only if run in mode CLI; nothing was"
              + " loaded");
    }
    Either<String, String> text = ItopImportController.decode(csvdata.get(), charsetName);
    if (text.isLeft()) {
      return comment(text.getLeft().replace("imported", "loaded"));
    }
    Either<String, List<ItopCsv.Line>> parsed =
        ItopCsv.parse(text.get(), separator.charAt(0), qualifier.charAt(0));
    if (parsed.isLeft()) {
      return comment(parsed.getLeft() + "; nothing was loaded");
    }
    List<ItopCsv.Line> lines = parsed.get();
    if (lines.isEmpty()) {
      return comment("Missing data - at least one line is expected");
    }
    List<String> columns = new ArrayList<>();
    lines.get(0).cells().forEach(cell -> columns.add(cell.getOrElse(ItopCsv.NULL_VALUE).strip()));
    List<List<Option<String>>> rows = new ArrayList<>();
    for (ItopCsv.Line line : lines.subList(1, lines.size())) {
      if (line.cells().size() != columns.size()) {
        return comment(
            "Wrong number of columns on line "
                + line.number()
                + ": found "
                + line.cells().size()
                + ", the header has "
                + columns.size()
                + "; nothing was loaded");
      }
      rows.add(line.cells());
    }
    Either<UseCaseFailure, LoadReport> loaded =
        synchro
            .loadReplicas()
            .load(
                actor,
                new LoadReplicasCommand(
                    id.get(), columns, rows, simulate, continueOnError, synchronize));
    if (loaded.isLeft()) {
      return comment(loaded.getLeft().message());
    }
    LoadReport report = loaded.get();
    StringBuilder out = new StringBuilder();
    if (output.equals("details")) {
      out.append(comment(RULE)).append(comment(" Import phase")).append(comment(RULE));
    }
    for (LoadedRow row : report.rows()) {
      if (row.error().isDefined()) {
        out.append(row.row())
            .append(": ")
            .append(escape(row.error().get()))
            .append(" (continuing)...\n");
      } else if (output.equals("details")) {
        out.append(row.row())
            .append(row.created() ? ": New entry" : ": Update entry")
            .append(", reconciliation: '`primary_key` = ")
            .append(escape(quote(row.primaryKey())))
            .append("'\n");
      }
    }
    if (!output.equals("retcode")) {
      out.append(comment(RULE))
          .append(comment(" Import phase summary"))
          .append(comment(RULE))
          .append(comment("Data Source: " + id.get()))
          .append(comment("Synchronize: " + (synchronize ? 1 : 0)))
          .append(comment("Class: " + report.dataSource().scopeClass().className()))
          .append(comment("Separator: " + separator))
          .append(comment("Qualifier: " + qualifier))
          .append(comment("Charset Encoding:" + charsetName))
          .append(comment("Date and time format: '" + dateFormat + "' "))
          .append(comment("Date only format: '" + dateOnly(dateFormat) + "' "))
          .append(comment("Data Size: " + csvdata.get().length))
          .append(comment("Data Lines: " + rows.size()))
          .append(comment("Columns: " + String.join(", ", columns)))
          .append(comment("Output format: " + output))
          .append(comment("Simulate: " + (simulate ? 1 : 0)))
          .append(comment("Change tracking comment: " + note))
          .append(comment("Issues (before synchro): " + report.issues()))
          .append(comment("Created (before synchro): " + report.created()))
          .append(comment("Updated (before synchro): " + report.updated()));
    }
    if (report.synchronization().isDefined()) {
      var outcome = report.synchronization().get();
      if (output.equals("details")) {
        out.append(comment(RULE)).append(comment(" Synchronization phase")).append(comment(RULE));
        if (outcome.traces().isEmpty()) {
          out.append(comment(" No traces."));
        }
        outcome.traces().forEach(trace -> out.append(comment(trace)));
      }
      outcome
          .error()
          .forEach(
              error -> out.append("<p>ERROR: ").append(ExportFormat.html(error)).append("</p>"));
      out.append(comment(RULE))
          .append(comment(" Synchronization phase summary"))
          .append(comment(RULE));
      SynchroText.lines(outcome.statistics()).forEach(line -> out.append(comment(line)));
    }
    if (output.equals("retcode")) {
      out.append(report.issues());
    }
    return out.toString();
  }

  /** The date-only part of a date and time format, as iTop derives it. */
  static String dateOnly(String format) {
    int space = format.indexOf(' ');
    return space > 0 ? format.substring(0, space) : format;
  }

  private static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * iTop's {@code add_comment}: {@code #<text><br/>} and a line break; the text's {@code & < >}
   * escaped (quotes kept, as clients match iTop's messages), since the page is HTML.
   */
  static String comment(String text) {
    return "#" + escape(text) + "<br/>\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
