package dev.tokensmith.bootstrap.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests where Debian's Chromium and its driver are installed. Where they are not,
 * the tests are skipped with one line saying how to install them, except under {@code CI=true},
 * where they run and fail: CI must never pass without having driven a browser.
 */
final class ChromiumCondition implements ExecutionCondition {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String HOW_TO_INSTALL =
      "Chromium not found (/usr/bin/chromium, /usr/bin/chromedriver): browser tests skipped;"
          + " install it with: apt-get install chromium chromium-driver";
  private static final AtomicBoolean SAID = new AtomicBoolean();

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (installed()) {
      return ConditionEvaluationResult.enabled("Chromium is installed");
    }
    if (onCi()) {
      return ConditionEvaluationResult.enabled("CI=true: a missing Chromium fails the run");
    }
    if (SAID.compareAndSet(false, true)) {
      System.err.println(HOW_TO_INSTALL);
    }
    return ConditionEvaluationResult.disabled(HOW_TO_INSTALL);
  }
}
