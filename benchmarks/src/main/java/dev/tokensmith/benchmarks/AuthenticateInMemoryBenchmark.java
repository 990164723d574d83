package dev.tokensmith.benchmarks;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authenticate use case on the in-memory adapters of the application's test-jar: what the core
 * itself costs (parse, lookup, digest, decision, usage), without a database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthenticateInMemoryBenchmark {
  private InMemoryTokensmith world;
  private AuthenticateCommand command;

  @Setup
  public void setUp() {
    world = new InMemoryTokensmith();
    User owner = world.user("bench", Profile.REST_SERVICES_USER);
    String token =
        world
            .core
            .personalTokens
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

  @Benchmark
  public Either<AuthenticationFailure, AuthenticatedPrincipal> authenticate() {
    return world.core.authentication.authenticate(command);
  }
}
