package dev.tokensmith.bootstrap;

import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Starts tokensmith from {@code TOKENSMITH_*} environment variables; SIGTERM stops it gracefully.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Either<List<String>, Configuration> config = Configuration.from(System.getenv());
    if (config.isLeft()) {
      System.err.println("tokensmith cannot start, the configuration is invalid:");
      config.getLeft().forEach(problem -> System.err.println("  - " + problem));
      System.exit(2);
      return;
    }
    TokensmithService service;
    try {
      // PostgreSQL keeps microseconds: the clock ticks in them so values read back equal values
      // made
      Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
      service = TokensmithService.start(config.get(), clock, System.out);
    } catch (StartupFailure e) {
      System.err.println("tokensmith cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  System.out.println("tokensmith stopped");
                },
                "tokensmith-shutdown"));
  }
}
