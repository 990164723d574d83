package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.IssuedTokenView;
import dev.tokensmith.adapter.http.view.TokenView;
import dev.tokensmith.application.port.in.CreateApplicationTokenCommand;
import dev.tokensmith.application.port.in.CreateApplicationTokenUseCase;
import dev.tokensmith.application.port.in.DeleteTokenUseCase;
import dev.tokensmith.application.port.in.EditApplicationTokenCommand;
import dev.tokensmith.application.port.in.EditApplicationTokenUseCase;
import dev.tokensmith.application.port.in.ListApplicationTokensUseCase;
import dev.tokensmith.application.port.in.RefreshTokenUseCase;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.ViewTokenUseCase;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * Administrators' application tokens: {@code /api/v1/admin/application-tokens[/{id}[/refresh]]}.
 */
final class AdminApplicationTokensController {
  private static final Set<String> CREATE_FIELDS =
      Set.of("login", "organization", "profiles", "scopes", "expiresAt");
  private static final Set<String> EDIT_FIELDS =
      Set.of("status", "organization", "profiles", "scopes", "expiresAt");

  private final ListApplicationTokensUseCase listApplicationTokens;
  private final CreateApplicationTokenUseCase createApplicationToken;
  private final EditApplicationTokenUseCase editApplicationToken;
  private final ViewTokenUseCase viewToken;
  private final RefreshTokenUseCase refreshToken;
  private final DeleteTokenUseCase deleteToken;
  private final RequestReader reader;

  AdminApplicationTokensController(
      ListApplicationTokensUseCase listApplicationTokens,
      CreateApplicationTokenUseCase createApplicationToken,
      EditApplicationTokenUseCase editApplicationToken,
      ViewTokenUseCase viewToken,
      RefreshTokenUseCase refreshToken,
      DeleteTokenUseCase deleteToken,
      RequestReader reader) {
    this.listApplicationTokens = listApplicationTokens;
    this.createApplicationToken = createApplicationToken;
    this.editApplicationToken = editApplicationToken;
    this.viewToken = viewToken;
    this.refreshToken = refreshToken;
    this.deleteToken = deleteToken;
    this.reader = reader;
  }

  void list(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    Paging.respond(
        ctx,
        UseCaseFailed.orThrow(
            listApplicationTokens.listApplicationTokens(admin, Paging.request(ctx))),
        TokenView::from,
        List.of());
  }

  void create(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    JsonFields body = reader.json(ctx, CREATE_FIELDS);
    CreateApplicationTokenCommand command =
        new CreateApplicationTokenCommand(
            admin,
            body.requiredText("login"),
            body.requiredText("organization"),
            body.texts("profiles").getOrElse(Set.of()),
            body.requiredTexts("scopes"),
            body.instantOrNull("expiresAt").flatMap(expiry -> expiry));
    ctx.status(201)
        .json(
            IssuedTokenView.from(
                UseCaseFailed.orThrow(createApplicationToken.createApplicationToken(command))));
  }

  void show(Context ctx) {
    ctx.json(TokenView.from(UseCaseFailed.orThrow(viewToken.viewToken(command(ctx)))));
  }

  void edit(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    TokenId id = RequestReader.tokenId(ctx);
    JsonFields body = reader.json(ctx, EDIT_FIELDS);
    EditApplicationTokenCommand command =
        new EditApplicationTokenCommand(
            admin,
            id,
            body.text("status"),
            body.text("organization"),
            body.texts("profiles"),
            body.texts("scopes"),
            body.instantOrNull("expiresAt"));
    ctx.json(
        TokenView.from(UseCaseFailed.orThrow(editApplicationToken.editApplicationToken(command))));
  }

  void delete(Context ctx) {
    UseCaseFailed.orThrow(deleteToken.deleteToken(command(ctx)));
    ctx.status(204);
  }

  void refresh(Context ctx) {
    ctx.json(IssuedTokenView.from(UseCaseFailed.orThrow(refreshToken.refreshToken(command(ctx)))));
  }

  private static TokenCommand command(Context ctx) {
    Principal admin = Caller.of(ctx).administrator();
    return new TokenCommand(admin, TokenKind.APPLICATION, RequestReader.tokenId(ctx));
  }
}
