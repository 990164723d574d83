package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.AccountView;
import dev.tokensmith.application.port.in.ViewMyAccountUseCase;
import io.javalin.http.Context;

/** The acting user's own account: {@code GET /api/v1/me}. */
final class AccountController {
  private final ViewMyAccountUseCase viewMyAccount;

  AccountController(ViewMyAccountUseCase viewMyAccount) {
    this.viewMyAccount = viewMyAccount;
  }

  void show(Context ctx) {
    ctx.json(
        AccountView.from(
            UseCaseFailed.orThrow(viewMyAccount.viewMyAccount(Caller.of(ctx).principal()))));
  }
}
