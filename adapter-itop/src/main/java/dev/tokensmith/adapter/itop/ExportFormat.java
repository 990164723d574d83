package dev.tokensmith.adapter.itop;

import dev.tokensmith.domain.directory.DirectoryClass;
import dev.tokensmith.domain.directory.DirectoryRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * How {@code export-v2.php} prints the objects in each format, one object at a time: CSV ({@code
 * csv}), an HTML table ({@code html}), the HTML table Excel web queries read ({@code spreadsheet})
 * and XML ({@code xml}), in iTop's shapes.
 */
abstract class ExportFormat {
  /** The formats served, in iTop's order, for its error message. */
  static final List<String> NAMES = List.of("html", "csv", "spreadsheet", "xml");

  protected final DirectoryClass directoryClass;
  protected final List<ExportColumn> columns;
  private Writer out;

  ExportFormat(DirectoryClass directoryClass, List<ExportColumn> columns) {
    this.directoryClass = directoryClass;
    this.columns = columns;
  }

  /** The response's content type. */
  abstract String contentType();

  /** The file name offered for download, or null when the format is shown inline. */
  abstract String fileName();

  /** Whether the format needs {@code fields}. */
  boolean tabular() {
    return true;
  }

  final void start(Writer writer) {
    this.out = writer;
    header();
  }

  abstract void header();

  abstract void row(DirectoryRecord record);

  abstract void footer();

  protected final void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String html(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#039;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** CSV: every header cell and every text cell in the qualifier, ids bare, LF line ends. */
  static final class Csv extends ExportFormat {
    private final String separator;
    private final String qualifier;
    private final String charset;
    private final StringBuilder line = new StringBuilder(256);

    Csv(
        DirectoryClass directoryClass,
        List<ExportColumn> columns,
        String separator,
        String qualifier,
        String charset) {
      super(directoryClass, columns);
      this.separator = separator;
      this.qualifier = qualifier;
      this.charset = charset;
    }

    @Override
    String contentType() {
      return "text/csv;charset=" + charset.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    String fileName() {
      return directoryClass.className() + " Export.csv";
    }

    @Override
    void header() {
      line.setLength(0);
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          line.append(separator);
        }
        quoted(columns.get(i).label());
      }
      write(line.append('\n').toString());
    }

    @Override
    void row(DirectoryRecord record) {
      line.setLength(0);
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          line.append(separator);
        }
        ExportColumn column = columns.get(i);
        String value = column.value(directoryClass, record);
        if (column.unquoted()) {
          line.append(value);
        } else {
          quoted(value);
        }
      }
      write(line.append('\n').toString());
    }

    private void quoted(String value) {
      String text = value.replace("\r\n", "\n");
      if (!qualifier.isEmpty()) {
        text = text.replace(qualifier, qualifier + qualifier);
      }
      line.append(qualifier).append(text).append(qualifier);
    }

    @Override
    void footer() {}
  }

  /** HTML: iTop's {@code listResults} table in a page, empty cells as {@code &nbsp;}. */
  static final class Html extends ExportFormat {
    Html(DirectoryClass directoryClass, List<ExportColumn> columns) {
      super(directoryClass, columns);
    }

    @Override
    String contentType() {
      return "text/html; charset=UTF-8";
    }

    @Override
    String fileName() {
      return null;
    }

    @Override
    void header() {
      StringBuilder head = new StringBuilder();
      head.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>")
          .append(html(directoryClass.className() + " Export"))
          .append("</title>\n</head>\n<body>\n<table class=\"listResults\"><thead><tr>");
      for (ExportColumn column : columns) {
        head.append("<th>").append(html(column.label())).append("</th>");
      }
      write(head.append("</tr></thead><tbody>\n").toString());
    }

    @Override
    void row(DirectoryRecord record) {
      StringBuilder row = new StringBuilder("<tr>");
      for (ExportColumn column : columns) {
        String value = column.value(directoryClass, record);
        row.append("<td>").append(value.isEmpty() ? "&nbsp;" : html(value)).append("</td>");
      }
      write(row.append("</tr>\n").toString());
    }

    @Override
    void footer() {
      write("</tbody></table>\n</body>\n</html>\n");
    }
  }

  /** Spreadsheet: a bordered table whose first row holds the labels, for Excel web queries. */
  static final class Spreadsheet extends ExportFormat {
    Spreadsheet(DirectoryClass directoryClass, List<ExportColumn> columns) {
      super(directoryClass, columns);
    }

    @Override
    String contentType() {
      return "text/html; charset=UTF-8";
    }

    @Override
    String fileName() {
      return null;
    }

    @Override
    void header() {
      StringBuilder head = new StringBuilder("<table border=\"1\">\n<tr>");
      for (ExportColumn column : columns) {
        head.append("<td>").append(html(column.label())).append("</td>");
      }
      write(head.append("</tr>\n").toString());
    }

    @Override
    void row(DirectoryRecord record) {
      StringBuilder row = new StringBuilder("<tr>");
      for (ExportColumn column : columns) {
        row.append("<td>").append(html(column.value(directoryClass, record))).append("</td>");
      }
      write(row.append("</tr>\n").toString());
    }

    @Override
    void footer() {
      write("</table>\n");
    }
  }

  /**
   * XML: every attribute of the object (not {@code fields}), and for each external key its {@code
   * _friendlyname} and external fields.
   */
  static final class Xml extends ExportFormat {
    Xml(DirectoryClass directoryClass) {
      super(directoryClass, List.of());
    }

    @Override
    boolean tabular() {
      return false;
    }

    @Override
    String contentType() {
      return "text/xml;charset=utf-8";
    }

    @Override
    String fileName() {
      return directoryClass.className() + " Export.xml";
    }

    @Override
    void header() {
      write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Set>\n");
    }

    @Override
    void row(DirectoryRecord record) {
      String className = directoryClass.className();
      StringBuilder element = new StringBuilder();
      element
          .append('<')
          .append(className)
          .append(" alias=\"")
          .append(className)
          .append("\" id=\"")
          .append(record.id())
          .append("\">\n");
      for (String code : directoryClass.attributeCodes()) {
        if (code.equals("id") || code.equals("friendlyname")) {
          continue;
        }
        element(element, code, record.field(code));
        if (code.equals("org_id") && directoryClass == DirectoryClass.PERSON) {
          element(element, "org_id_friendlyname", record.field("org_name"));
        }
      }
      write(element.append("</").append(className).append(">\n").toString());
    }

    private static void element(StringBuilder out, String code, String value) {
      out.append('<')
          .append(code)
          .append('>')
          .append(html(value))
          .append("</")
          .append(code)
          .append(">\n");
    }

    @Override
    void footer() {
      write("</Set>\n");
    }
  }
}
