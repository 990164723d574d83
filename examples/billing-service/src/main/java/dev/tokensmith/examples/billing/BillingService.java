package dev.tokensmith.examples.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensmith.javalin.RequiredScope;
import dev.tokensmith.javalin.TokenPrincipal;
import dev.tokensmith.javalin.TokenVerifier;
import dev.tokensmith.javalin.TokensmithPlugin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A billing service whose invoices are protected by tokensmith: reading them needs the scope {@code
 * billing:read}, adding one {@code billing:write}, both defined by this service; {@code /health} is
 * open. The verifier decides the mode (see {@link Main}).
 */
public final class BillingService {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Map<String, Object>> invoices = new CopyOnWriteArrayList<>();

  /** The service's Javalin application, not started. */
  public static Javalin create(TokenVerifier verifier) {
    BillingService billing = new BillingService();
    return Javalin.create(
        config -> {
          config.registerPlugin(
              new TokensmithPlugin(
                  tokensmith -> {
                    tokensmith.verifier = verifier;
                    tokensmith.defineScope(
                        "billing:read", "Read the invoices of the billing service");
                    tokensmith.defineScope("billing:write", "Add invoices to the billing service");
                  }));
          config.routes.get("/health", ctx -> ctx.result("ok"));
          config.routes.get("/invoices", billing::list, RequiredScope.of("billing:read"));
          config.routes.post("/invoices", billing::add, RequiredScope.of("billing:write"));
        });
  }

  private void list(Context ctx) throws JsonProcessingException {
    TokenPrincipal caller = TokensmithPlugin.principal(ctx);
    json(ctx, Map.of("caller", caller.login(), "kind", caller.kind().name(), "invoices", invoices));
  }

  private void add(Context ctx) throws JsonProcessingException {
    TokenPrincipal caller = TokensmithPlugin.principal(ctx);
    Map<String, Object> invoice =
        Map.of("number", invoices.size() + 1, "createdBy", caller.login());
    invoices.add(invoice);
    ctx.status(201);
    json(ctx, invoice);
  }

  private static void json(Context ctx, Object body) throws JsonProcessingException {
    ctx.contentType("application/json").result(JSON.writeValueAsString(body));
  }
}
