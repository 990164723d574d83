package dev.tokensmith.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: real headless Chromium (Debian's, through its own chromedriver, so
 * nothing is downloaded) against the real service, one browser per test class, a screenshot of
 * every test under {@code target/screenshots/}, and no test passes while the page logged a script
 * error or a Content-Security-Policy violation.
 */
@ExtendWith({ChromiumCondition.class, BrowserTest.Lifecycle.class})
abstract class BrowserTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** How long a page may take to show something: long, for a loaded 2-core CI machine. */
  static final Duration WAIT = Duration.ofSeconds(30);

  /**
   * The browser's time zone: not the machine's nor UTC (the API's), so the tests see that the pages
   * convert every instant to the reader's zone and name it (Tokyo has no daylight saving).
   */
  static final ZoneId BROWSER_ZONE = ZoneId.of("Asia/Tokyo");

  static final String BROWSER_ZONE_NAME = "GMT+9";

  static RunningService service;
  static ChromeDriver driver;
  private static Path profileDir;
  private boolean narrow;

  /** Starts the shared service and this class's browser; quits the browser after the class. */
  static final class Lifecycle implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      if (!ChromiumCondition.installed()) {
        throw new IllegalStateException(
            "CI=true and Chromium is missing: apt-get install chromium chromium-driver");
      }
      service = RunningService.of(context);
      profileDir = Files.createTempDirectory("tokensmith-chromium");
      ChromeDriverService chromedriver =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(ChromiumCondition.CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .withEnvironment(Map.of("TZ", BROWSER_ZONE.getId()))
              .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(ChromiumCondition.CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--user-data-dir=" + profileDir,
          "--window-size=1280,900",
          "--lang=en-US");
      options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
      driver = new ChromeDriver(chromedriver, options);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
      if (driver != null) {
        driver.quit();
        driver = null;
      }
      if (profileDir != null) {
        try (Stream<Path> files = Files.walk(profileDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @BeforeEach
  void cleanBrowser() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    narrow = false;
    driver.get(service.base + "/web/favicon.svg");
    driver.manage().deleteAllCookies();
    browserErrors();
  }

  @AfterEach
  void screenshotAndCheckTheConsole(TestInfo test) {
    String name = test.getTestMethod().orElseThrow().getName();
    screenshot(name);
    assertThat(browserErrors()).as("script errors or CSP violations logged by the page").isEmpty();
  }

  // ---- navigation and sessions

  static void open(String path) {
    driver.get(service.base + path);
  }

  /** Gives the browser the session of {@code login} (as if signed in) and opens {@code path}. */
  static void openAs(String login, String password, String path) {
    Api.Session session = service.api.session(login, password);
    driver.get(service.base + "/web/favicon.svg");
    driver
        .manage()
        .addCookie(
            new Cookie.Builder("tokensmith_session", session.cookie)
                .path("/")
                .isHttpOnly(true)
                .sameSite("Strict")
                .build());
    open(path);
  }

  static void openAs(String login, String path) {
    openAs(login, RunningService.PASSWORD, path);
  }

  static void openAsAdmin(String path) {
    openAs(RunningService.ADMIN, RunningService.ADMIN_PASSWORD, path);
  }

  static String path() {
    return driver.getCurrentUrl().substring(service.base.length());
  }

  // ---- finding things

  /** Waits for the condition; a table re-rendered meanwhile (stale elements) is looked up again. */
  static <T> T waitUntil(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  static WebElement visible(By by) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
  }

  static WebElement visible(String css) {
    return visible(By.cssSelector(css));
  }

  static void gone(By by) {
    waitUntil(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  static String text(String css) {
    return visible(css).getText();
  }

  static WebElement button(String ariaLabel) {
    return waitUntil(
        ExpectedConditions.elementToBeClickable(
            By.cssSelector("button[aria-label=\"" + ariaLabel + "\"]")));
  }

  /** The table row of the token (or user) whose first column reads {@code label}. */
  static By row(String label) {
    return By.xpath(
        "//tr[th[contains(@class,'name')][normalize-space(.)=" + xpathText(label) + "]]");
  }

  /** The cell of class {@code cssClass} in the row of {@code label}. */
  static By cell(String label, String cssClass) {
    return By.xpath(
        "//tr[th[contains(@class,'name')][normalize-space(.)="
            + xpathText(label)
            + "]]/td[contains(concat(' ', @class, ' '), ' "
            + cssClass
            + " ')]");
  }

  /** The text of the row of {@code label}, read again if the table is re-rendered meanwhile. */
  static String rowText(String label) {
    By row = row(label);
    return waitUntil(d -> d.findElement(row).getText());
  }

  /** The text of that cell, read again if the table is re-rendered while reading. */
  static String cellText(String label, String cssClass) {
    By cell = cell(label, cssClass);
    return waitUntil(d -> d.findElement(cell).getText());
  }

  static String xpathText(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Sets a {@code datetime-local} input (typing into one depends on the browser's locale). */
  static void setDateTime(String css, LocalDateTime value) {
    js(
        "arguments[0].value = arguments[1];",
        visible(css),
        value.withSecond(0).withNano(0).toString().substring(0, 16));
  }

  static void fill(String css, String value) {
    WebElement input = visible(css);
    input.clear();
    input.sendKeys(value);
  }

  static void check(String css, boolean checked) {
    WebElement box = driver.findElement(By.cssSelector(css));
    if (box.isSelected() != checked) {
      box.click();
    }
  }

  static boolean alertShown() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException none) {
      return false;
    }
  }

  // ---- layout and screenshots

  /** Lays the page out as on a phone {@code width} CSS pixels wide. */
  void emulateWidth(int width) {
    narrow = true;
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 812, "deviceScaleFactor", 1, "mobile", true));
  }

  /** Saves the whole page (not only the visible part) as {@code target/screenshots/name.png}. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      long width = ((Number) js("return window.innerWidth;")).longValue();
      long height =
          ((Number)
                  js(
                      "return Math.max(document.documentElement.scrollHeight,"
                          + " document.body ? document.body.scrollHeight : 0, window.innerHeight);"))
              .longValue();
      Map<String, Object> metrics = new HashMap<>();
      metrics.put("width", width);
      metrics.put("height", Math.min(height, 5000));
      metrics.put("deviceScaleFactor", 1);
      metrics.put("mobile", narrow);
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      if (narrow) {
        metrics.put("height", 812);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
      } else {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Script errors and policy violations the page logged since the last call. A refused request (the
   * browser logs "Failed to load resource" for every 4xx) is expected in these tests.
   */
  static List<String> browserErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains("Failed to load resource"))
        .toList();
  }
}
