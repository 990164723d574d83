package dev.tokensmith.examples.billing;

import dev.tokensmith.javalin.RemoteTokenVerifier;
import dev.tokensmith.javalin.TokenVerifier;
import dev.tokensmith.javalin.embedded.EmbeddedTokensmith;
import java.net.URI;
import java.util.Map;

/**
 * Starts the billing service on {@code BILLING_PORT} (default 8090). With {@code TOKENSMITH_URL}
 * and {@code TOKENSMITH_INTROSPECTION_TOKEN} set it asks that tokensmith (remote mode); otherwise
 * it reads tokensmith's database and pepper from tokensmith's own variables {@code
 * TOKENSMITH_DB_URL}, {@code TOKENSMITH_TOKEN_PEPPER}... (embedded mode).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    int port = Integer.parseInt(env.getOrDefault("BILLING_PORT", "8090"));
    TokenVerifier verifier;
    if (env.containsKey("TOKENSMITH_URL")) {
      verifier =
          RemoteTokenVerifier.builder(
                  URI.create(env.get("TOKENSMITH_URL")), env.get("TOKENSMITH_INTROSPECTION_TOKEN"))
              .build();
    } else {
      EmbeddedTokensmith tokensmith = EmbeddedTokensmith.builder().fromEnvironment(env).build();
      Runtime.getRuntime().addShutdownHook(new Thread(tokensmith::close));
      verifier = tokensmith.verifier();
    }
    BillingService.create(verifier).start(port);
  }
}
