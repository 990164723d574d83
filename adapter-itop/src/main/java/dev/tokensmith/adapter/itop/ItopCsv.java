package dev.tokensmith.adapter.itop;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;

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
    String data = text.replace("\r\n", "\n");
    List<Line> lines = new ArrayList<>();
    List<Option<String>> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    boolean cellStarted = false;
    int lineNumber = 1;
    int lineStart = 1;
    int quoteLine = 0;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (inQuotes) {
        if (c == qualifier) {
          if (i + 1 < data.length() && data.charAt(i + 1) == qualifier) {
            cell.append(qualifier);
            i++;
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
        cells.add(cell(cell, quoted));
        cell.setLength(0);
        quoted = false;
        cellStarted = false;
      } else if (c == '\n') {
        cells.add(cell(cell, quoted));
        add(lines, lineStart, cells);
        cells = new ArrayList<>();
        cell.setLength(0);
        quoted = false;
        cellStarted = false;
        lineNumber++;
        lineStart = lineNumber;
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
      return Either.left(
          "Invalid CSV data: the cell in the qualifier that starts on line "
              + quoteLine
              + " is not closed before the end of the data (truncated data?)");
    }
    if (cellStarted || !cells.isEmpty()) {
      cells.add(cell(cell, quoted));
      add(lines, lineStart, cells);
    }
    return Either.right(lines);
  }

  private static Option<String> cell(StringBuilder cell, boolean quoted) {
    String value = quoted ? cell.toString() : cell.toString().strip();
    if (value.equals(NULL_VALUE)) {
      return Option.none();
    }
    return Option.some(value);
  }

  private static void add(List<Line> lines, int number, List<Option<String>> cells) {
    boolean empty = cells.size() == 1 && cells.get(0).exists(String::isEmpty);
    if (!cells.isEmpty() && !empty) {
      lines.add(new Line(number, List.copyOf(cells)));
    }
  }
}
