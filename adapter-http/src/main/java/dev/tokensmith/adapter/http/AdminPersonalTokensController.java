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
import io.vavr.control.Option;
import java.util.List;

/**
 * Administrators' view of everyone's personal tokens: {@code /api/v1/admin/personal-tokens[/{id}]},
 * paged, filtered by {@code owner}, {@code application} (text), {@code scope}, {@code stopped=true}
 * (the tokens the authentication refuses now for their expiry or policy deadline, {@code
 * token_expired}, or for inactivity, {@code token_inactive}; {@code expired=true}, its former name,
 * means the same), {@code expiring=true} (within 7 days) or {@code expiringWithinDays}, {@code
 * unusedForDays}.
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

  /** The query parameters of the list, repeated in the link of its next page. */
  private static final List<String> FILTERS =
      List.of(
          "owner",
          "application",
          "scope",
          "stopped",
          "expired",
          "expiring",
          "expiringWithinDays",
          "unusedForDays");

  /** {@code expiring=true}: what the token views flag as {@code expiresSoon}. */
  private static final int EXPIRES_SOON_DAYS = 7;

  void list(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    Option<Integer> expiringWithinDays =
        RequestReader.wholeNumber(ctx, "expiringWithinDays", 1, Integer.MAX_VALUE);
    if (expiringWithinDays.isEmpty() && RequestReader.flag(ctx, "expiring")) {
      expiringWithinDays = Option.some(EXPIRES_SOON_DAYS);
    }
    ListPersonalTokensQuery query =
        new ListPersonalTokensQuery(
            admin,
            RequestReader.text(ctx, "owner"),
            RequestReader.text(ctx, "application"),
            RequestReader.text(ctx, "scope"),
            RequestReader.flag(ctx, "stopped") || RequestReader.flag(ctx, "expired"),
            expiringWithinDays,
            RequestReader.wholeNumber(ctx, "unusedForDays", 1, Integer.MAX_VALUE),
            Paging.request(ctx));
    Paging.respond(
        ctx,
        UseCaseFailed.orThrow(listPersonalTokens.listPersonalTokens(query)),
        TokenView::from,
        FILTERS);
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
