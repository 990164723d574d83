package dev.tokensmith.adapter.http;

import dev.tokensmith.adapter.http.view.IssuedTokenView;
import dev.tokensmith.adapter.http.view.TokenView;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenUseCase;
import dev.tokensmith.application.port.in.DeleteTokenUseCase;
import dev.tokensmith.application.port.in.EditPersonalTokenCommand;
import dev.tokensmith.application.port.in.EditPersonalTokenUseCase;
import dev.tokensmith.application.port.in.ListMyPersonalTokensUseCase;
import dev.tokensmith.application.port.in.RefreshTokenUseCase;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.TokenDetails;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.ViewTokenUseCase;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** The acting user's own personal tokens: {@code /api/v1/me/tokens[/{id}[/refresh]]}. */
final class MyTokensController {
  private static final Set<String> CREATE_FIELDS = Set.of("application", "scopes", "expiresAt");
  private static final Set<String> EDIT_FIELDS = CREATE_FIELDS;

  private final ListMyPersonalTokensUseCase listMyPersonalTokens;
  private final CreatePersonalTokenUseCase createPersonalToken;
  private final EditPersonalTokenUseCase editPersonalToken;
  private final ViewTokenUseCase viewToken;
  private final RefreshTokenUseCase refreshToken;
  private final DeleteTokenUseCase deleteToken;
  private final RequestReader reader;

  MyTokensController(
      ListMyPersonalTokensUseCase listMyPersonalTokens,
      CreatePersonalTokenUseCase createPersonalToken,
      EditPersonalTokenUseCase editPersonalToken,
      ViewTokenUseCase viewToken,
      RefreshTokenUseCase refreshToken,
      DeleteTokenUseCase deleteToken,
      RequestReader reader) {
    this.listMyPersonalTokens = listMyPersonalTokens;
    this.createPersonalToken = createPersonalToken;
    this.editPersonalToken = editPersonalToken;
    this.viewToken = viewToken;
    this.refreshToken = refreshToken;
    this.deleteToken = deleteToken;
    this.reader = reader;
  }

  void list(Context ctx) {
    Paging.respond(
        ctx,
        UseCaseFailed.orThrow(
            listMyPersonalTokens.listMyPersonalTokens(me(ctx), Paging.request(ctx))),
        TokenView::from,
        List.of());
  }

  void create(Context ctx) {
    JsonFields body = reader.json(ctx, CREATE_FIELDS);
    CreatePersonalTokenCommand command =
        new CreatePersonalTokenCommand(
            me(ctx),
            body.requiredText("application"),
            body.requiredTexts("scopes"),
            body.instantOrNull("expiresAt").flatMap(expiry -> expiry));
    ctx.status(201)
        .json(
            IssuedTokenView.from(
                UseCaseFailed.orThrow(createPersonalToken.createPersonalToken(command))));
  }

  void show(Context ctx) {
    TokenDetails details = mine(ctx, RequestReader.tokenId(ctx));
    ctx.json(TokenView.from(details));
  }

  void edit(Context ctx) {
    TokenId id = RequestReader.tokenId(ctx);
    JsonFields body = reader.json(ctx, EDIT_FIELDS);
    EditPersonalTokenCommand command =
        new EditPersonalTokenCommand(
            me(ctx),
            id,
            body.text("application"),
            body.texts("scopes"),
            body.instantOrNull("expiresAt"));
    onlyMine(ctx, id);
    ctx.json(TokenView.from(UseCaseFailed.orThrow(editPersonalToken.editPersonalToken(command))));
  }

  void delete(Context ctx) {
    TokenId id = RequestReader.tokenId(ctx);
    onlyMine(ctx, id);
    UseCaseFailed.orThrow(deleteToken.deleteToken(command(ctx, id)));
    ctx.status(204);
  }

  void refresh(Context ctx) {
    TokenId id = RequestReader.tokenId(ctx);
    onlyMine(ctx, id);
    ctx.json(
        IssuedTokenView.from(UseCaseFailed.orThrow(refreshToken.refreshToken(command(ctx, id)))));
  }

  private static Principal me(Context ctx) {
    return Caller.of(ctx).principal();
  }

  private static TokenCommand command(Context ctx, TokenId id) {
    return new TokenCommand(me(ctx), TokenKind.PERSONAL, id);
  }

  /** Before changing a token: administrators may reach anyone's, so check it is theirs. */
  private void onlyMine(Context ctx, TokenId id) {
    if (me(ctx).isAdministrator()) {
      mine(ctx, id);
    }
  }

  /**
   * The token, if it is the caller's own. The use cases let administrators act on anyone's token;
   * under {@code /me} they see only their own, like everybody (others' tokens are not found).
   */
  private TokenDetails mine(Context ctx, TokenId id) {
    TokenDetails details = UseCaseFailed.orThrow(viewToken.viewToken(command(ctx, id)));
    Principal me = me(ctx);
    boolean own =
        details.summary().token() instanceof PersonalToken personal
            && me.userId().contains(personal.ownerId());
    if (!own) {
      throw new UseCaseFailed(new UseCaseFailure.NotFound("No personal token " + id + "."));
    }
    return details;
  }
}
