package dev.tokensmith.adapter.itop;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads CSV text as iTop's {@code CSVParser} does: {@code \r\n} is {@code \n}; a cell in the
 * qualifier may hold separators, line breaks and the doubled qualifier; blanks before a cell are
 * skipped and an unquoted cell is trimmed; a cell that is exactly {@code <NULL>} is none; empty
 * lines and lines of one empty cell are skipped. Unlike iTop, a quoted cell still open at the end
 * of the data is an error rather than the rest of the data.
 */
final class ItopCsv {
  /** The cell that means "no value": leave the attribute as it is. */
  static final String NULL_VALUE = "<NULL>";

  private ItopCsv() {}

  /** One line of cells, with the 1-based line of the text where it starts. */
  record Line(int number, List<Option<String>> cells) {}

  /** The lines of {@code text}, or why it is not CSV. */
  static Either<String, List<Line>> parse(String text, char separator, char qualifier) {
    Reader reader = new Reader(text, separator, qualifier);
    List<Line> lines = new ArrayList<>();
    while (reader.hasNext()) {
      lines.add(reader.next());
    }
    return reader.problem().isDefined() ? Either.left(reader.problem().get()) : Either.right(lines);
  }

  /**
   * The lines of a text one at a time, so that a caller holds only the line it reads. A quoted cell
   * still open at the end of the data ends the lines; {@link #problem} then says why.
   */
  static final class Reader {
    private final String data;
    private final char separator;
    private final char qualifier;
    private final boolean valuesKept;
    private int position;
    private int lineNumber = 1;
    private Line next;
    private String problem;

    Reader(String text, char separator, char qualifier) {
      this(text, separator, qualifier, true);
    }

    /**
     * A reader whose lines have their cells' values when {@code valuesKept}, else only as many
     * cells as the line has (their values none but the first's): enough to check the data's shape.
     */
    Reader(String text, char separator, char qualifier, boolean valuesKept) {
      this.data = text.replace("\r\n", "\n");
      this.separator = separator;
      this.qualifier = qualifier;
      this.valuesKept = valuesKept;
    }

    /** The next cell's value, or none when values are not kept (the first is: empty lines). */
    private Option<String> value(List<Option<String>> cells, StringBuilder cell, boolean quoted) {
      return valuesKept || cells.isEmpty() ? cell(cell, quoted) : Option.none();
    }

    boolean hasNext() {
      if (next == null && problem == null && position < data.length()) {
        next = read();
      }
      return next != null;
    }

    Line next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Line line = next;
      next = null;
      return line;
    }

    /** Why the data ended before its end (an open quoted cell), once the lines are read. */
    Option<String> problem() {
      return Option.of(problem);
    }

    /** The next line that is not skipped, or null at the end of the data or on a problem. */
    private Line read() {
      List<Option<String>> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean inQuotes = false;
      boolean cellStarted = false;
      int lineStart = lineNumber;
      int quoteLine = 0;
      for (; position < data.length(); position++) {
        char c = data.charAt(position);
        if (inQuotes) {
          if (c == qualifier) {
            if (position + 1 < data.length() && data.charAt(position + 1) == qualifier) {
              cell.append(qualifier);
              position++;
            } else {
              inQuotes = false;
            }
          } else {
            if (c == '\n') {
              lineNumber++;
            }
            cell.append(c);
          }
          continue;
        }
        if (c == separator) {
          cells.add(value(cells, cell, quoted));
          cell.setLength(0);
          quoted = false;
          cellStarted = false;
        } else if (c == '\n') {
          cells.add(value(cells, cell, quoted));
          position++;
          lineNumber++;
          if (kept(cells)) {
            return new Line(lineStart, List.copyOf(cells));
          }
          cells.clear();
          cell.setLength(0);
          quoted = false;
          cellStarted = false;
          lineStart = lineNumber;
          position--; // the loop moves on
        } else if (c == qualifier && !cellStarted) {
          inQuotes = true;
          quoted = true;
          cellStarted = true;
          quoteLine = lineNumber;
        } else if (!cellStarted && (c == ' ' || c == '\t')) {
          continue; // leading blanks
        } else {
          cellStarted = true;
          cell.append(c);
        }
      }
      if (inQuotes) {
        problem =
            "Invalid CSV data: the cell in the qualifier that starts on line "
                + quoteLine
                + " is not closed before the end of the data (truncated data?)";
        return null;
      }
      if (cellStarted || !cells.isEmpty()) {
        cells.add(value(cells, cell, quoted));
        if (kept(cells)) {
          return new Line(lineStart, List.copyOf(cells));
        }
      }
      return null;
    }
  }

  private static Option<String> cell(StringBuilder cell, boolean quoted) {
    String value = quoted ? cell.toString() : cell.toString().strip();
    if (value.equals(NULL_VALUE)) {
      return Option.none();
    }
    return Option.some(value);
  }

  private static boolean kept(List<Option<String>> cells) {
    boolean empty = cells.size() == 1 && cells.get(0).exists(String::isEmpty);
    return !cells.isEmpty() && !empty;
  }
}
