package dev.tokensmith.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.adapter.http.ApiServer;
import dev.tokensmith.application.fake.MutableClock;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.javalin.RemoteTokenVerifier;
import dev.tokensmith.javalin.TokenVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The billing service asking a tokensmith over HTTP (RFC 7662 introspection with an application
 * token of scope {@code introspect}); the verifier's cache runs on a clock of the test.
 */
class RemoteModeTest extends BillingServiceContract {
  @Override
  protected TokensmithWorld newWorld() {
    return new Remote();
  }

  static final class Remote implements TokensmithWorld {
    final ApiServer server = ApiServer.start();
    final MutableClock verifierClock = new MutableClock(Instant.parse("2026-01-15T09:00:00Z"));
    final RemoteTokenVerifier verifier;

    Remote() {
      User admin = server.administrator("billing-admin");
      String introspection =
          server
              .applicationToken(admin, "billing-service", Set.of(), "introspect")
              .value()
              .reveal();
      verifier =
          RemoteTokenVerifier.builder(
                  URI.create("http://127.0.0.1:" + server.api.port()), introspection)
              .positiveCacheTime(Duration.ofSeconds(5))
              // a loaded test machine may be slow; the default is 2 s
              .requestTimeout(Duration.ofSeconds(20))
              .clock(verifierClock)
              .build();
    }

    @Override
    public TokenVerifier verifier() {
      return verifier;
    }

    @Override
    public TokensmithCore core() {
      return server.tokensmith.core;
    }

    @Override
    public AccountDirectory accounts() {
      return server.tokensmith.accounts;
    }

    @Override
    public MutableClock tokensmithClock() {
      return server.clock;
    }

    @Override
    public boolean hasCacheWindow() {
      return true;
    }

    @Override
    public void passCacheWindow() {
      verifierClock.advance(Duration.ofSeconds(6));
    }

    @Override
    public void takeDown() {
      server.close();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  @Test
  void thousandConcurrentRequestsWithOneNewTokenMakeOneIntrospectionCall() {
    String token = token("billing:read");
    RemoteTokenVerifier verifier = ((Remote) world).verifier;
    long before = verifier.introspectionCalls();
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      responses.add(
          client.sendAsync(
              HttpRequest.newBuilder(uri("/invoices"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.join().statusCode()).isEqualTo(200);
    }
    assertThat(verifier.introspectionCalls() - before).isEqualTo(1);
  }

  @Test
  void aRefusalIsKeptForTheNegativeCacheTimeToo() {
    RemoteTokenVerifier verifier = ((Remote) world).verifier;
    String wrong = "tks_" + "A".repeat(60);
    get("/invoices", "Authorization", "Bearer " + wrong);
    long calls = verifier.introspectionCalls();
    get("/invoices", "Authorization", "Bearer " + wrong);
    assertThat(verifier.introspectionCalls()).isEqualTo(calls);
  }
}
