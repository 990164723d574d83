package dev.tokensmith.benchmarks;

import dev.tokensmith.adapter.http.HttpApi;
import dev.tokensmith.adapter.http.HttpSettings;
import dev.tokensmith.adapter.http.TestUseCases;
import dev.tokensmith.adapter.persistence.Database;
import dev.tokensmith.adapter.persistence.DatabaseConfig;
import dev.tokensmith.application.contract.ContractFixtures;
import dev.tokensmith.application.port.in.CreateApplicationTokenCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.examples.billing.BillingService;
import dev.tokensmith.javalin.BearerRefusal;
import dev.tokensmith.javalin.RemoteTokenVerifier;
import dev.tokensmith.javalin.TokenCheck;
import dev.tokensmith.javalin.TokenPrincipal;
import dev.tokensmith.javalin.TokenVerifier;
import dev.tokensmith.javalin.embedded.EmbeddedTokensmith;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Javalin plugin's cost, side by side: the example billing service's unprotected {@code
 * /health} and its protected {@code /invoices} in embedded mode, in remote mode with a warm cache
 * and with no cache (every request one introspection of a tokensmith on the same PostgreSQL), over
 * HTTP with one keep-alive client; and the verifiers called directly, without HTTP.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JavalinPluginBenchmark {
  private Path directory;
  private Database database;
  private EmbeddedTokensmith embedded;
  private HttpApi tokensmith;
  private Javalin embeddedService;
  private Javalin warmService;
  private Javalin coldService;
  private RemoteTokenVerifier warmVerifier;
  private HttpClient client;
  private HttpRequest health;
  private HttpRequest embeddedInvoices;
  private HttpRequest warmInvoices;
  private HttpRequest coldInvoices;
  private TokenCheck check;

  @Setup
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("tokensmith-plugin-bench-");
    database = Database.start(DatabaseConfig.embedded(directory));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    embedded =
        EmbeddedTokensmith.builder()
            .dataSource(database.dataSource())
            .pepper(Base64.getEncoder().encodeToString(key))
            .build();
    TokensmithCore core = embedded.core();
    tokensmith =
        new HttpApi(
                TestUseCases.of(core),
                HttpSettings.defaults(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of())
            .start("127.0.0.1", 0);
    User admin =
        ContractFixtures.user(
            database.adapters().accounts(), Profile.ADMINISTRATOR, Profile.REST_SERVICES_USER);
    String introspection =
        core.applicationTokens
            .createApplicationToken(
                new CreateApplicationTokenCommand(
                    admin,
                    "billing-service",
                    ContractFixtures.organization(database.adapters().accounts()).name(),
                    Set.of(),
                    Set.of("introspect"),
                    Option.none()))
            .get()
            .value()
            .reveal();
    URI tokensmithUri = URI.create("http://127.0.0.1:" + tokensmith.port());
    embeddedService = BillingService.create(embedded.verifier()).start("127.0.0.1", 0);
    // a busy benchmark host may take more than the default 2 s for the durable scope registration
    warmVerifier =
        RemoteTokenVerifier.builder(tokensmithUri, introspection)
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    warmService = BillingService.create(warmVerifier).start("127.0.0.1", 0);
    TokenVerifier cold =
        RemoteTokenVerifier.builder(tokensmithUri, introspection)
            .positiveCacheTime(Duration.ZERO)
            .negativeCacheTime(Duration.ZERO)
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    coldService = BillingService.create(cold).start("127.0.0.1", 0);
    User owner = ContractFixtures.user(database.adapters().accounts(), Profile.REST_SERVICES_USER);
    String token =
        core.personalTokens
            .createPersonalToken(
                new CreatePersonalTokenCommand(
                    owner, "bench", Set.of("billing:read"), Option.none()))
            .get()
            .value()
            .reveal();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    health = HttpRequest.newBuilder(uri(embeddedService, "/health")).build();
    embeddedInvoices = invoices(embeddedService, token);
    warmInvoices = invoices(warmService, token);
    coldInvoices = invoices(coldService, token);
    check = new TokenCheck(List.of(token), new Scope("billing:read"), "GET /invoices", "127.0.0.1");
  }

  private static URI uri(Javalin app, String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  private static HttpRequest invoices(Javalin app, String token) {
    return HttpRequest.newBuilder(uri(app, "/invoices"))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  @TearDown
  public void tearDown() throws IOException {
    embeddedService.stop();
    warmService.stop();
    coldService.stop();
    tokensmith.stop();
    embedded.close();
    database.close();
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private int send(HttpRequest request) throws IOException, InterruptedException {
    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("answered " + status);
    }
    return status;
  }

  @Benchmark
  public int httpUnprotected() throws IOException, InterruptedException {
    return send(health);
  }

  @Benchmark
  public int httpEmbedded() throws IOException, InterruptedException {
    return send(embeddedInvoices);
  }

  @Benchmark
  public int httpRemoteWarmCache() throws IOException, InterruptedException {
    return send(warmInvoices);
  }

  @Benchmark
  public int httpRemoteNoCache() throws IOException, InterruptedException {
    return send(coldInvoices);
  }

  @Benchmark
  public Either<BearerRefusal, TokenPrincipal> verifyRemoteWarmCache() {
    return warmVerifier.verify(check);
  }

  @Benchmark
  public Either<BearerRefusal, TokenPrincipal> verifyEmbedded() {
    return embedded.verifier().verify(check);
  }
}
