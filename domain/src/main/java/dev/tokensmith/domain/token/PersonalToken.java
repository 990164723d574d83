package dev.tokensmith.domain.token;

import dev.tokensmith.domain.account.Names;
import dev.tokensmith.domain.account.UserId;
import java.util.Objects;

/**
 * A token a user makes for their own scripts; it acts with that user's rights. {@code application}
 * says why the owner made it.
 */
public record PersonalToken(
    Credential credential, UserId ownerId, String ownerLogin, String application) implements Token {
  public PersonalToken {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(ownerLogin, "ownerLogin");
    application = Names.required("application", application);
  }

  @Override
  public TokenKind kind() {
    return TokenKind.PERSONAL;
  }

  @Override
  public PersonalToken withCredential(Credential newCredential) {
    return new PersonalToken(newCredential, ownerId, ownerLogin, application);
  }

  public PersonalToken withApplication(String newApplication) {
    return new PersonalToken(credential, ownerId, ownerLogin, newApplication);
  }
}
