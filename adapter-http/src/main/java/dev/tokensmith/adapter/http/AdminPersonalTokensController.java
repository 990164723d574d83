package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.TokenView;
import dev.tokensmith.application.port.in.DeleteTokenUseCase;
import dev.tokensmith.application.port.in.ListPersonalTokensQuery;
import dev.tokensmith.application.port.in.ListPersonalTokensUseCase;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.ViewTokenUseCase;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.TokenKind;
import io.javalin.http.Context;

/**
 * Administrators' view of everyone's personal tokens: {@code /api/v1/admin/personal-tokens[/{id}]},
 * filtered by {@code owner}, {@code expired=true}, {@code expiring=true}.
 */
final class AdminPersonalTokensController {
  private final ListPersonalTokensUseCase listPersonalTokens;
  private final ViewTokenUseCase viewToken;
  private final DeleteTokenUseCase deleteToken;

  AdminPersonalTokensController(
      ListPersonalTokensUseCase listPersonalTokens,
      ViewTokenUseCase viewToken,
      DeleteTokenUseCase deleteToken) {
    this.listPersonalTokens = listPersonalTokens;
    this.viewToken = viewToken;
    this.deleteToken = deleteToken;
  }

  void list(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    ListPersonalTokensQuery query =
        new ListPersonalTokensQuery(
            admin,
            RequestReader.text(ctx, "owner"),
            RequestReader.flag(ctx, "expired"),
            RequestReader.flag(ctx, "expiring"));
    ctx.json(
        UseCaseFailed.orThrow(listPersonalTokens.listPersonalTokens(query)).stream()
            .map(TokenView::from)
            .toList());
  }

  void show(Context ctx) {
    TokenCommand command = command(ctx);
    ctx.json(TokenView.from(UseCaseFailed.orThrow(viewToken.viewToken(command))));
  }

  void delete(Context ctx) {
    UseCaseFailed.orThrow(deleteToken.deleteToken(command(ctx)));
    ctx.status(204);
  }

  private static TokenCommand command(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    return new TokenCommand(admin, TokenKind.PERSONAL, RequestReader.tokenId(ctx));
  }
}
