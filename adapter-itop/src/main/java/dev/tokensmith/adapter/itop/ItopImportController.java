package dev.tokensmith.adapter.itop;

import dev.tokensmith.application.port.in.ImportCommand;
import dev.tokensmith.application.port.in.ImportCommand.ImportColumn;
import dev.tokensmith.application.port.in.ImportDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.ImportReport.Outcome;
import dev.tokensmith.application.port.in.ImportReport.RowResult;
import dev.tokensmith.application.port.in.ImportTotals;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.StorageFailure;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.token.Scope;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * iTop's {@code webservices/import.php} (POST, scope {@code import}): logs the call in, reads the
 * POSTed {@code csvdata} in its {@code charset}, maps the header, checks the reconciliation keys,
 * then imports every row in one transaction and answers iTop's {@code #} summary, the per-row
 * details or the number of rows in error, as {@code text/plain} with HTTP 200. An error in the
 * parameters or the structure of the data is one {@code #<message>} line, and nothing is written.
 */
public final class ItopImportController {
  private static final Logger LOG = LoggerFactory.getLogger(ItopImportController.class);

  /** Where iTop serves it. */
  public static final String PATH = "/webservices/import.php";

  /** iTop's default {@code csv_file_default_charset}. */
  static final String DEFAULT_CHARSET = "ISO-8859-1";

  private static final Set<String> OUTPUTS = Set.of("summary", "details", "retcode");

  /** Person's and Organization's reconciliation keys in iTop's data model. */
  private static final Map<DirectoryClass, List<String>> RECONCILIATION_KEYS =
      Map.of(
          DirectoryClass.PERSON,
          List.of("name", "first_name", "org_id", "org_name", "email", "employee_number"),
          DirectoryClass.ORGANIZATION,
          List.of("name", "code"),
          DirectoryClass.USER,
          List.of("login"));

  private static final String USAGE =
      "USAGE:\n"
          + "class = Class of the objects to be imported, mandatory\n"
          + "csvdata = CSV data (posted), mandatory\n"
          + "charset = Character set encoding of the CSV data: UTF-8, ISO-8859-1, ..., optional,"
          + " defaults to [ISO-8859-1]\n"
          + "separator = Separator character, optional, defaults to [,]\n"
          + "qualifier = Text qualifier character, optional, defaults to [\"]\n"
          + "output = Level of detail: retcode, summary or details, optional, defaults to"
          + " [summary]\n"
          + "reconciliationkeys = Columns used to reconcile with existing objects, optional\n"
          + "simulate = 1 to check without writing, optional, defaults to [0]\n"
          + "comment = Change tracking comment, optional\n"
          + "no_localize = 1 for attribute codes instead of labels, optional, defaults to [0]\n"
          + "date_format = Date format, optional";

  private final BulkLogin login;
  private final ImportDirectoryObjectsUseCase imports;
  private final int maxRequestBytes;

  /** The endpoint on the given in-ports; bodies over {@code maxRequestBytes} are refused. */
  public ItopImportController(ItopUseCases useCases, LoginGuard guard, int maxRequestBytes) {
    Objects.requireNonNull(useCases, "useCases");
    this.login = new BulkLogin(useCases, guard, Scope.IMPORT, PATH);
    this.imports = Objects.requireNonNull(useCases.importDirectoryObjects(), "imports");
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The handler of {@code POST /webservices/import.php}. */
  public void handle(Context ctx) {
    String answer;
    try {
      BulkParameters parameters = BulkParameters.read(ctx, maxRequestBytes);
      Either<Map<String, String>, Principal> actor = login.principal(ctx, parameters);
      if (actor.isLeft()) {
        actor.getLeft().forEach(ctx::header);
        answer = "Invalid login";
      } else {
        answer = run(actor.get(), parameters);
      }
    } catch (BulkParameters.Unreadable unreadable) {
      answer = "#" + unreadable.getMessage();
    } catch (StorageFailure outage) {
      LOG.warn(
          "storage unavailable during {} {}: {}", ctx.method().name(), PATH, outage.getMessage());
      ctx.header("Retry-After", "5");
      answer = "#The service cannot reach its database right now; nothing was imported; try again.";
    } catch (RuntimeException unexpected) {
      LOG.error("unexpected failure during {} {}", ctx.method().name(), PATH, unexpected);
      answer = "#Something went wrong on our side; nothing was imported; it was logged.";
    }
    ctx.status(200);
    ctx.header("Cache-Control", "no-cache, no-store, must-revalidate");
    ctx.header("Pragma", "no-cache");
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result(answer.strip() + "\n");
  }

  private String run(Principal actor, BulkParameters parameters) {
    Option<String> className = parameters.nonBlank("class");
    if (className.isEmpty()) {
      return "ERROR: Missing argument 'class'\n" + USAGE;
    }
    Option<byte[]> csvdata = parameters.postedBytes("csvdata").filter(bytes -> bytes.length > 0);
    if (csvdata.isEmpty()) {
      return "ERROR: Missing argument 'csvdata'"
          + (parameters.onlyInQuery("csvdata") ? " (csvdata must be POSTed, not in the URL)" : "")
          + "\n"
          + USAGE;
    }
    String output = parameters.nonBlank("output").getOrElse("summary");
    if (!OUTPUTS.contains(output)) {
      return "#Unknown output format: '" + output + "'";
    }
    Option<DirectoryClass> found = DirectoryClass.byClassName(className.get());
    if (found.isEmpty()) {
      return "#Unknown class: '" + className.get() + "'";
    }
    DirectoryClass directoryClass = found.get();
    String separator = parameters.nonBlank("separator").getOrElse(",");
    if (separator.equals("tab")) {
      separator = "\t";
    }
    if (separator.length() != 1) {
      return "#Separator is limited to one character, found '" + separator + "'";
    }
    String qualifier = parameters.nonBlank("qualifier").getOrElse("\"");
    if (qualifier.length() != 1) {
      return "#Qualifier is limited to one character, found '" + qualifier + "'";
    }
    String charsetName =
        parameters.nonBlank("charset").getOrElse(DEFAULT_CHARSET).toUpperCase(Locale.ROOT);
    Either<String, String> text = decode(csvdata.get(), charsetName);
    if (text.isLeft()) {
      return "#" + text.getLeft();
    }
    boolean localize = !parameters.nonBlank("no_localize").exists(value -> !value.equals("0"));
    boolean simulate = parameters.nonBlank("simulate").exists(value -> !value.equals("0"));
    // a first reading checks the whole data and keeps only its header: nothing is imported from
    // data that is not CSV or whose lines are not as wide as the header
    char separatorChar = separator.charAt(0);
    char qualifierChar = qualifier.charAt(0);
    List<Option<String>> headerCells = List.of();
    ItopCsv.Reader header1 = new ItopCsv.Reader(text.get(), separatorChar, qualifierChar);
    if (header1.hasNext()) {
      headerCells = header1.next().cells();
    }
    ItopCsv.Reader reader =
        skipHeader(new ItopCsv.Reader(text.get(), separatorChar, qualifierChar, false));
    int dataLines = 0;
    ItopCsv.Line tooWide = null;
    // the header line's values are kept; the others are only counted
    while (reader.hasNext()) {
      ItopCsv.Line line = reader.next();
      dataLines++;
      if (tooWide == null && line.cells().size() != headerCells.size()) {
        tooWide = line;
      }
    }
    if (reader.problem().isDefined()) {
      return "#" + reader.problem().get();
    }
    if (dataLines < 1) {
      return "#Missing data - at least one line is expected";
    }
    List<String> names = new ArrayList<>();
    headerCells.forEach(cell -> names.add(cell.getOrElse(ItopCsv.NULL_VALUE)));
    ImportHeader header = new ImportHeader(directoryClass, localize);
    Either<String, List<ImportHeader.Column>> mapped = header.columns(names);
    if (mapped.isLeft()) {
      return "#" + mapped.getLeft();
    }
    List<ImportHeader.Column> columns = mapped.get();
    if (tooWide != null) {
      return "#Wrong number of columns on line "
          + tooWide.number()
          + ": found "
          + tooWide.cells().size()
          + ", the header has "
          + columns.size()
          + "; nothing was imported";
    }
    Either<String, List<Key>> keys =
        keys(directoryClass, header, columns, parameters.nonBlank("reconciliationkeys"));
    if (keys.isLeft()) {
      return "#" + keys.getLeft();
    }
    List<ImportColumn> holds = columns.stream().map(ImportHeader.Column::holds).toList();
    // the second reading hands the rows to the import as it takes them; the details keep the cells
    // of the rows whose results are still to come (a batch), the summary nothing
    boolean details = output.equals("details");
    Deque<List<Option<String>>> awaiting = new ArrayDeque<>();
    Iterable<List<Option<String>>> rows =
        () ->
            new Iterator<>() {
              private final ItopCsv.Reader lines =
                  skipHeader(new ItopCsv.Reader(text.get(), separatorChar, qualifierChar));

              @Override
              public boolean hasNext() {
                return lines.hasNext();
              }

              @Override
              public List<Option<String>> next() {
                List<Option<String>> cells = lines.next().cells();
                if (details) {
                  awaiting.add(cells);
                }
                return cells;
              }
            };
    ImportCommand command =
        new ImportCommand(
            directoryClass,
            holds,
            keys.get().stream().map(Key::attribute).distinct().toList(),
            rows,
            simulate);
    Details table = details ? new Details(directoryClass, columns) : null;
    Either<UseCaseFailure, ImportTotals> report =
        imports.importObjects(
            actor,
            command,
            row -> {
              if (table != null) {
                table.add(row, awaiting.remove());
              }
            });
    if (report.isLeft()) {
      return "#" + report.getLeft().message();
    }
    ImportTotals totals = report.get();
    if (output.equals("retcode")) {
      return Long.toString(totals.issues());
    }
    StringBuilder out = new StringBuilder();
    comment(out, "Output format: " + output);
    comment(out, "Class: " + directoryClass.className());
    comment(out, "Separator: " + separator);
    comment(out, "Qualifier: " + qualifier);
    comment(out, "Charset Encoding:" + charsetName);
    comment(
        out,
        "Date format: "
            + parameters
                .nonBlank("date_format")
                .map(format -> "'" + format + "'")
                .getOrElse("<none>"));
    comment(out, "Localize: " + (localize ? "yes" : "no"));
    comment(out, "Data Size: " + csvdata.get().length);
    comment(out, "Data Lines: " + dataLines);
    comment(out, "Simulate: " + (simulate ? 1 : 0));
    comment(
        out,
        "Columns: " + String.join(", ", columns.stream().map(ImportHeader.Column::code).toList()));
    comment(
        out,
        "Reconciliation Keys: " + String.join(", ", keys.get().stream().map(Key::shown).toList()));
    comment(out, "Change tracking comment: " + parameters.nonBlank("comment").getOrElse(""));
    comment(out, "Issues: " + totals.issues());
    comment(out, "Warnings: " + totals.warnings());
    comment(out, "Created: " + totals.created());
    comment(out, "Updated: " + totals.updated());
    comment(out, "Unchanged: " + totals.unchanged());
    if (table != null) {
      out.append(table.text);
    }
    return out.toString();
  }

  private static ItopCsv.Reader skipHeader(ItopCsv.Reader reader) {
    if (reader.hasNext()) {
      reader.next();
    }
    return reader;
  }

  /** A reconciliation key: the attribute reconciled on and how the summary shows it. */
  private record Key(String attribute, String shown) {}

  private static Either<String, List<Key>> keys(
      DirectoryClass directoryClass,
      ImportHeader header,
      List<ImportHeader.Column> columns,
      Option<String> asked) {
    List<Key> keys = new ArrayList<>();
    if (asked.isDefined()) {
      for (String name : asked.get().split(",")) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (!header.knows(trimmed)) {
          return Either.left("Unknown reconciliation key: '" + trimmed + "'");
        }
        ImportHeader.Column column = header.column(trimmed).get();
        if (!presentIn(column, columns)) {
          return Either.left(
              "Reconciliation key not found in the input columns: '" + trimmed + "'");
        }
        keys.add(key(column));
      }
    } else {
      for (String code : RECONCILIATION_KEYS.get(directoryClass)) {
        for (ImportHeader.Column column : columns) {
          if (column.code().equals(code)) {
            keys.add(key(column));
            break;
          }
        }
      }
    }
    if (keys.isEmpty()) {
      return Either.left(
          "No reconciliation scheme could be defined, please add a column corresponding to one"
              + " defined reconciliation key (class: '"
              + directoryClass.className()
              + "', reconciliation:"
              + String.join(",", RECONCILIATION_KEYS.get(directoryClass))
              + ")");
    }
    return Either.right(keys);
  }

  private static boolean presentIn(ImportHeader.Column key, List<ImportHeader.Column> columns) {
    for (ImportHeader.Column column : columns) {
      if (column.code().equals(key.code())) {
        return true;
      }
      if (key.holds() instanceof ImportColumn.Lookup lookup
          && column.holds() instanceof ImportColumn.Lookup other
          && lookup.externalKey().equals(other.externalKey())) {
        return true;
      }
    }
    return false;
  }

  private static Key key(ImportHeader.Column column) {
    if (column.holds() instanceof ImportColumn.Lookup lookup) {
      return new Key(
          lookup.externalKey(), lookup.externalKey() + " (" + lookup.remoteAttribute() + ")");
    }
    return new Key(((ImportColumn.Attribute) column.holds()).code(), column.code());
  }

  /**
   * The per-row table of {@code output=details}, {@code ;}-separated, as iTop prints it: its text
   * grows a row at a time as the results come; no row is kept.
   */
  private static final class Details {
    private final DirectoryClass directoryClass;
    private final List<ImportHeader.Column> columns;
    private final Map<String, List<Integer>> lookupsByKey = new LinkedHashMap<>();
    private final List<Integer> attributes = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Details(DirectoryClass directoryClass, List<ImportHeader.Column> columns) {
      this.directoryClass = directoryClass;
      this.columns = columns;
      for (int i = 0; i < columns.size(); i++) {
        ImportColumn holds = columns.get(i).holds();
        if (holds instanceof ImportColumn.Lookup lookup) {
          lookupsByKey.computeIfAbsent(lookup.externalKey(), key -> new ArrayList<>()).add(i);
        } else {
          attributes.add(i);
        }
      }
      List<String> head = new ArrayList<>(List.of("Line", "Status", "Object Class", "Object Id"));
      for (String key : lookupsByKey.keySet()) {
        head.add(key + " (" + ItopAttributes.label(directoryClass, key).get() + " - ext key)");
      }
      for (int i : attributes) {
        String code = columns.get(i).code();
        head.add(code + " (" + ItopAttributes.label(directoryClass, code).getOrElse(code) + ")");
      }
      text.append(String.join(";", head)).append('\n');
    }

    void add(RowResult row, List<Option<String>> values) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(row.line()));
      cells.add(status(row));
      boolean issue = row.outcome() == Outcome.ISSUE;
      cells.add(issue ? "n/a" : directoryClass.className());
      cells.add(issue ? "n/a" : Long.toString(row.objectId()));
      for (Map.Entry<String, List<Integer>> key : lookupsByKey.entrySet()) {
        String problem = null;
        for (int column : key.getValue()) {
          problem = problem == null ? row.cellIssues().get(column) : problem;
        }
        Long id = row.externalKeys().get(key.getKey());
        cells.add(problem != null ? problem : id != null ? id.toString() : "");
      }
      for (int i : attributes) {
        String problem = row.cellIssues().get(i);
        if (problem != null) {
          cells.add(problem);
          continue;
        }
        String value = values.get(i).getOrElse("");
        String shown =
            ItopAttributes.unquoted(columns.get(i).code())
                ? value
                : "\"" + value.replace("\"", "\"\"") + "\"";
        cells.add(shown + (row.modifiedColumns().contains(i) ? "Modified" : ""));
      }
      text.append(String.join(";", cells)).append('\n');
    }
  }

  private static String status(RowResult row) {
    switch (row.outcome()) {
      case CREATED:
        return "created";
      case UPDATED:
        return "updated " + row.changedAttributes() + " cols";
      case UNCHANGED:
        return "unchanged";
      case ISSUE:
        return "Issue: " + row.issue();
      default:
        throw new IllegalArgumentException("no status for " + row.outcome());
    }
  }

  private static void comment(StringBuilder out, String text) {
    out.append('#').append(text).append('\n');
  }

  /**
   * The CSV data as text: a UTF-8 byte-order mark dropped; bytes that are not text in the charset,
   * or a NUL (binary data), refused with where they are.
   */
  static Either<String, String> decode(byte[] bytes, String charsetName) {
    Charset charset;
    try {
      charset = Charset.forName(charsetName);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      return Either.left("Unknown charset: '" + charsetName + "' (use UTF-8, ISO-8859-1, …)");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return Either.left(
            "The data is binary, not CSV text (a NUL byte at offset "
                + i
                + "); nothing was imported");
      }
    }
    int start = 0;
    if (charset.equals(StandardCharsets.UTF_8)
        && bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    try {
      return Either.right(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
              .toString());
    } catch (CharacterCodingException notText) {
      return Either.left(
          "The data is not valid "
              + charsetName
              + " text; send the charset it is written in (e.g. charset=ISO-8859-1); nothing was"
              + " imported");
    }
  }
}
