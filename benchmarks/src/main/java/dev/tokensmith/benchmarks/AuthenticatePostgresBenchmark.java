package dev.tokensmith.benchmarks;

import dev.tokensmith.adapter.persistence.Argon2PasswordHasher;
import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.adapter.persistence.HmacTokenDigester;
import dev.tokensmith.adapter.persistence.Peppers;
import dev.tokensmith.adapter.persistence.PostgresAdapters;
import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.fake.SeededRandomBytes;
import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authenticate use case on the PostgreSQL adapters (embedded server on a temporary directory,
 * the pool and the coalesced usage writes as in the service), next to the readiness probe ({@code
 * select 1}) measured the same way, so their ratio can be read off directly. Four threads, like a
 * loaded server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(4)
@Fork(1)
public class AuthenticatePostgresBenchmark {
  private Path directory;
  private Database database;
  private TokensmithCore core;
  private AuthenticateCommand command;

  @Setup
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("tokensmith-bench-");
    database = Database.start(DatabaseConfig.embedded(directory));
    PostgresAdapters storage = database.adapters();
    core =
        new TokensmithCore(
            new TokensmithCore.Ports(
                storage.tokens(),
                storage.usage(),
                storage.accounts(),
                storage.directory(),
                new HmacTokenDigester(Peppers.generate(new SecureRandom())),
                new Argon2PasswordHasher(),
                storage.failures(),
                storage.attempts(),
                storage.audit(),
                new SeededRandomBytes(7),
                storage.probe(),
                storage.sessions(),
                Clock.systemUTC()),
            TokensmithCore.Settings.DEFAULT);
    User owner = ContractFixtures.user(storage.accounts(), Profile.REST_SERVICES_USER);
    String token =
        core.personalTokens
            .createPersonalToken(
                new CreatePersonalTokenCommand(owner, "bench", Set.of("rest"), Option.none()))
            .get()
            .value()
            .reveal();
    command =
        new AuthenticateCommand(
            List.of(token),
            dev.tokensmith.domain.token.Scope.REST,
            "GET /api/v1/tokens/self",
            "127.0.0.1");
  }

  @TearDown
  public void tearDown() throws IOException {
    database.close();
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Benchmark
  public Either<AuthenticationFailure, AuthenticatedPrincipal> authenticate() {
    return core.authentication.authenticate(command);
  }

  @Benchmark
  public boolean readiness() {
    return core.readiness.isReady();
  }
}
