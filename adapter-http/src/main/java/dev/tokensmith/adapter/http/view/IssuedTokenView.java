package dev.tokensmith.adapter.http.view;

import dev.tokensmith.application.port.in.IssuedToken;

/** A token just created or refreshed with its value: the only answer that carries a secret. */
public record IssuedTokenView(TokenView token, String secret) {
  public static IssuedTokenView from(IssuedToken issued) {
    return new IssuedTokenView(TokenView.from(issued.summary()), issued.value().reveal());
  }

  @Override
  public String toString() {
    return "IssuedTokenView[token=" + token.id() + ", secret=redacted]";
  }
}
