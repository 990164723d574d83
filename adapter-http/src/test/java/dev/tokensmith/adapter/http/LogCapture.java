package dev.tokensmith.adapter.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects every log line (java.util.logging, behind slf4j-jdk14 in tests) while it is attached.
 */
public final class LogCapture extends Handler {
  private static final Logger ROOT = Logger.getLogger("");
  private static final Logger OURS = Logger.getLogger("dev.tokensmith");

  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  /** Starts capturing every level of our own loggers and whatever reaches the root logger. */
  public static LogCapture attach() {
    LogCapture capture = new LogCapture();
    capture.setLevel(Level.ALL);
    ROOT.addHandler(capture);
    OURS.setLevel(Level.ALL);
    return capture;
  }

  public void detach() {
    ROOT.removeHandler(this);
    OURS.setLevel(null);
  }

  public List<String> lines() {
    return lines;
  }

  /** Every captured line, joined. */
  public String all() {
    return String.join("\n", lines);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(formatter.format(record));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
