package dev.tokensmith.adapter.itop;

import dev.tokensmith.adapter.itop.oql.Oql;
import dev.tokensmith.adapter.itop.oql.OqlSyntaxError;
import dev.tokensmith.application.port.in.ExportDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.ObjectQuery;
import dev.tokensmith.domain.token.Scope;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * iTop's {@code webservices/export-v2.php} (GET or POST, scope {@code export}): logs the call in,
 * checks {@code expression}, {@code format}, the OQL with its {@code arg_*} values and {@code
 * fields}, then streams the objects in the asked format as the database hands them over. Errors are
 * iTop's HTML pages with HTTP 200; a refused forced token login is iTop's HTTP 401.
 */
public final class ItopExportController {
  private static final Logger LOG = LoggerFactory.getLogger(ItopExportController.class);

  /** Where iTop serves it. */
  public static final String PATH = "/webservices/export-v2.php";

  private static final String TITLE = "iTop - Export";

  private static final String USAGE =
      "<p>Usage: export-v2.php?expression=&lt;OQL&gt;&amp;format=&lt;format&gt;&amp;fields=&lt;"
          + "fields&gt; (format: html, csv, spreadsheet, xml; fields: comma-separated attribute"
          + " codes or paths such as org_id-&gt;name; optional: no_localize, separator,"
          + " text-qualifier, charset, arg_&lt;name&gt; for each :name of the query)</p>";

  private final BulkLogin login;
  private final ExportDirectoryObjectsUseCase export;
  private final int maxRequestBytes;

  /** The endpoint on the given in-ports; bodies over {@code maxRequestBytes} are refused. */
  public ItopExportController(ItopUseCases useCases, LoginGuard guard, int maxRequestBytes) {
    Objects.requireNonNull(useCases, "useCases");
    this.login = new BulkLogin(useCases, guard, Scope.EXPORT, PATH);
    this.export = Objects.requireNonNull(useCases.exportDirectoryObjects(), "export");
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The handler of {@code GET} and {@code POST /webservices/export-v2.php}. */
  public void handle(Context ctx) {
    BulkParameters parameters;
    try {
      parameters = BulkParameters.read(ctx, maxRequestBytes);
    } catch (BulkParameters.Unreadable unreadable) {
      error(ctx, unreadable.getMessage(), false);
      return;
    }
    Either<Map<String, String>, Principal> actor = login.principal(ctx, parameters);
    if (actor.isLeft()) {
      if (BulkLogin.forcesToken(parameters)) {
        ctx.header("WWW-Authenticate", "Basic realm=\"iTop version 3.2.0\"");
        ItopPages.send(ctx, 401, ItopPages.ACCESS_RESTRICTED, actor.getLeft());
      } else {
        ItopPages.send(ctx, 200, ItopPages.loginForm(TITLE), actor.getLeft());
      }
      return;
    }
    try {
      run(ctx, actor.get(), parameters);
    } catch (StorageFailure outage) {
      LOG.warn(
          "storage unavailable during {} {}: {}", ctx.method().name(), PATH, outage.getMessage());
      if (!ctx.res().isCommitted()) {
        error(
            ctx,
            "The service cannot reach its database right now; try again in a few seconds.",
            false);
      }
    } catch (UncheckedIOException clientGone) {
      LOG.info("export to {} ended early: {}", ctx.ip(), clientGone.getMessage());
    }
  }

  private void run(Context ctx, Principal actor, BulkParameters parameters) {
    Option<String> expression = parameters.nonBlank("expression");
    Option<String> phrasebook = parameters.nonBlank("query");
    if (expression.isEmpty() && phrasebook.isDefined()) {
      error(ctx, "Invalid query phrasebook identifier: '" + phrasebook.get() + "'", false);
      return;
    }
    if (expression.isEmpty()) {
      error(
          ctx, "Missing parameter. The parameter 'expression' or 'query' must be specified.", true);
      return;
    }
    Option<String> formatName = parameters.nonBlank("format");
    if (formatName.isEmpty()) {
      error(ctx, "Missing parameter 'format'.", true);
      return;
    }
    String oql = expression.get();
    Either<String, String> bound = OqlArguments.bind(oql, parameters.withPrefix("arg_"));
    if (bound.isLeft()) {
      error(
          ctx,
          "Invalid OQL query: '" + oql + "'.\nMissing parameter '--arg_" + bound.getLeft() + "'",
          true);
      return;
    }
    Either<OqlSyntaxError, ObjectQuery> query = Oql.parse(bound.get());
    if (query.isLeft()) {
      error(ctx, "Invalid OQL query: '" + oql + "'.\n" + query.getLeft().message(), false);
      return;
    }
    DirectoryClass directoryClass = query.get().directoryClass();
    String format = formatName.get();
    if (!ExportFormat.NAMES.contains(format)) {
      error(
          ctx,
          "Invalid output format: '"
              + format
              + "'. The supported formats are: "
              + String.join(", ", ExportFormat.NAMES),
          false);
      return;
    }
    boolean localize = !parameters.nonBlank("no_localize").exists(value -> !value.equals("0"));
    Charset charset;
    String charsetName = parameters.nonBlank("charset").getOrElse("UTF-8").toUpperCase(Locale.ROOT);
    try {
      charset = Charset.forName(charsetName);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      error(ctx, "Unknown charset: '" + charsetName + "'", false);
      return;
    }
    ExportFormat exporter;
    if (format.equals("xml")) {
      exporter = new ExportFormat.Xml(directoryClass);
      charset = java.nio.charset.StandardCharsets.UTF_8;
    } else {
      Option<String> fields = parameters.nonBlank("fields");
      if (fields.isEmpty()) {
        ItopPages.send(ctx, 200, "Missing parameter: fields\n" + USAGE, Map.of());
        return;
      }
      List<ExportColumn> columns = new ArrayList<>();
      for (String spec : fields.get().split(",")) {
        Either<String, ExportColumn> column =
            ExportColumn.of(directoryClass, spec.strip(), localize);
        if (column.isLeft()) {
          page(ctx, "Error: " + column.getLeft());
          return;
        }
        columns.add(column.get());
      }
      if (format.equals("csv")) {
        String separator = separator(parameters);
        String qualifier =
            parameters
                .text("text-qualifier")
                .map(
                    value ->
                        value.equals("other")
                            ? parameters.text("other-text-qualifier").getOrElse("\"")
                            : value)
                .filter(value -> !value.isEmpty())
                .getOrElse("\"");
        exporter = new ExportFormat.Csv(directoryClass, columns, separator, qualifier, charsetName);
      } else {
        charset = java.nio.charset.StandardCharsets.UTF_8;
        exporter =
            format.equals("html")
                ? new ExportFormat.Html(directoryClass, columns)
                : new ExportFormat.Spreadsheet(directoryClass, columns);
      }
    }
    stream(ctx, actor, query.get(), exporter, charset);
  }

  private void stream(
      Context ctx, Principal actor, ObjectQuery query, ExportFormat exporter, Charset charset) {
    Writer[] out = new Writer[1];
    Either<UseCaseFailure, Long> done =
        export.export(
            actor,
            query,
            record -> {
              if (out[0] == null) {
                out[0] = start(ctx, exporter, charset);
              }
              exporter.row(record);
            });
    if (done.isLeft()) {
      page(ctx, "Error: " + done.getLeft().message());
      return;
    }
    if (out[0] == null) {
      out[0] = start(ctx, exporter, charset);
    }
    exporter.footer();
    try {
      out[0].flush();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends the headers and starts the body: from here on, the answer is the data. */
  private static Writer start(Context ctx, ExportFormat exporter, Charset charset) {
    ctx.status(200);
    ctx.contentType(exporter.contentType());
    if (exporter.fileName() != null) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + exporter.fileName() + "\"");
    }
    ctx.header("Cache-Control", "no-cache, no-store, must-revalidate");
    ctx.header("Pragma", "no-cache");
    ctx.header("Expires", "0");
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    CharsetEncoder encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    Writer writer;
    try {
      writer =
          new BufferedWriter(
              new OutputStreamWriter(ctx.res().getOutputStream(), encoder), 64 * 1024);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    exporter.start(writer);
    return writer;
  }

  private static String separator(BulkParameters parameters) {
    String separator = parameters.text("separator").getOrElse(",");
    if (separator.equals("tab")) {
      return "\t";
    }
    if (separator.equals("other")) {
      return parameters.text("other-separator").filter(value -> !value.isEmpty()).getOrElse(",");
    }
    return separator.isEmpty() ? "," : separator;
  }

  /** iTop's {@code ReportErrorAndExit} / {@code ReportErrorAndUsage}: HTTP 200, the message. */
  private static void error(Context ctx, String message, boolean usage) {
    ItopPages.send(
        ctx,
        200,
        ItopPages.page(
            TITLE,
            "<p>ERROR: "
                + ExportFormat.html(message).replace("\n", "<br/>\n")
                + "</p>"
                + (usage ? "\n" + USAGE : "")),
        Map.of());
  }

  /** An error met while exporting: a page with {@code Error: <message>}. */
  private static void page(Context ctx, String message) {
    ItopPages.send(
        ctx, 200, ItopPages.page(TITLE, "<p>" + ExportFormat.html(message) + "</p>"), Map.of());
  }
}
