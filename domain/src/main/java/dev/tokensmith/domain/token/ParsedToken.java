package dev.tokensmith.domain.token;

import java.util.Objects;

/** A token string taken apart: its kind, id and secret. Printed without the secret. */
public record ParsedToken(TokenKind kind, TokenId id, TokenSecret secret) {
  public ParsedToken {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
  }
}
