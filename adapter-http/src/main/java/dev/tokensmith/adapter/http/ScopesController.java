package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.ScopeView;
import dev.tokensmith.application.port.in.ListScopesUseCase;
import dev.tokensmith.application.port.in.RegisterScopeCommand;
import dev.tokensmith.application.port.in.RegisterScopesUseCase;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * The scope catalogue: {@code GET /api/v1/scopes} lists it (for the token forms), {@code PUT
 * /api/v1/scopes/{name}} registers a scope a service defines (with its {@code introspect} token).
 */
final class ScopesController {
  private final ListScopesUseCase listScopes;
  private final RegisterScopesUseCase registerScopes;
  private final RequestReader reader;

  ScopesController(
      ListScopesUseCase listScopes, RegisterScopesUseCase registerScopes, RequestReader reader) {
    this.listScopes = listScopes;
    this.registerScopes = registerScopes;
    this.reader = reader;
  }

  void list(Context ctx) {
    ctx.json(listScopes.listScopes().stream().map(ScopeView::from).toList());
  }

  void register(Context ctx) {
    String description = reader.json(ctx, Set.of("description")).requiredText("description");
    var registered =
        UseCaseFailed.orThrow(
            registerScopes.registerScopes(
                List.of(new RegisterScopeCommand(ctx.pathParam("name"), description))));
    ctx.json(ScopeView.from(registered.get(0)));
  }
}
