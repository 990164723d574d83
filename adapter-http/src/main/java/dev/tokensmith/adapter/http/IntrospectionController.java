package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.IntrospectionView;
import dev.tokensmith.application.port.in.IntrospectTokenUseCase;
import io.javalin.http.Context;

/** RFC 7662 introspection for other services: {@code POST /api/v1/tokens/introspect}. */
final class IntrospectionController {
  private final IntrospectTokenUseCase introspectToken;
  private final RequestReader reader;

  IntrospectionController(IntrospectTokenUseCase introspectToken, RequestReader reader) {
    this.introspectToken = introspectToken;
    this.reader = reader;
  }

  void introspect(Context ctx) {
    String value = reader.requiredFormField(ctx, "token");
    ctx.json(IntrospectionView.from(introspectToken.introspectToken(value)));
  }
}
