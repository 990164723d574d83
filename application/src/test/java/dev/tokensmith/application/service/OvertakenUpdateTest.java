package dev.tokensmith.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.application.fake.InMemoryTokensmith;
import dev.tokensmith.application.port.in.AuthenticateCommand;
import dev.tokensmith.application.port.in.CreatePersonalTokenCommand;
import dev.tokensmith.application.port.in.EditPersonalTokenCommand;
import dev.tokensmith.application.port.in.IssuedToken;
import dev.tokensmith.application.port.in.TokenCommand;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.out.Counted;
import dev.tokensmith.application.port.out.PersonalTokenFilter;
import dev.tokensmith.application.port.out.TokenLookup;
import dev.tokensmith.application.port.out.TokenPosition;
import dev.tokensmith.application.port.out.TokenStore;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.account.UserId;
import dev.tokensmith.domain.authentication.AuthenticatedPrincipal;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import dev.tokensmith.domain.authentication.FailureReason;
import dev.tokensmith.domain.token.ApplicationToken;
import dev.tokensmith.domain.token.PersonalToken;
import dev.tokensmith.domain.token.Scope;
import dev.tokensmith.domain.token.SecretDigest;
import dev.tokensmith.domain.token.Token;
import dev.tokensmith.domain.token.TokenId;
import dev.tokensmith.domain.token.TokenKind;
import dev.tokensmith.domain.token.Tombstone;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A refresh or an edit that reads a token, is overtaken by a refresh of the same token, and then
 * writes: it must change nothing and say so, never bring back the old secret or hand out a value
 * that no longer works.
 */
class OvertakenUpdateTest {
  private final InMemoryTokensmith world = new InMemoryTokensmith();
  private final OvertakingTokenStore tokens = new OvertakingTokenStore(world.tokens);
  private final TokensmithCore core = world.coreWith(tokens, world.accounts);
  private final User ada = world.user("ada", Profile.REST_SERVICES_USER);

  @Test
  void aRefreshOvertakenByAnotherRefreshChangesNothingAndOnlyTheWinnersValueWorks() {
    IssuedToken created = create();
    TokenCommand refresh =
        new TokenCommand(ada, TokenKind.PERSONAL, created.summary().token().id());
    IssuedToken[] winner = new IssuedToken[1];
    tokens.beforeTheNextReadReturns(() -> winner[0] = core.tokens.refreshToken(refresh).get());

    var overtaken = core.tokens.refreshToken(refresh);

    assertThat(overtaken.getLeft()).isInstanceOf(UseCaseFailure.Conflict.class);
    assertThat(overtaken.getLeft().message())
        .contains("was refreshed by another request at the same time; nothing was changed");
    assertThat(authenticate(winner[0].value().reveal()).isRight()).isTrue();
    assertThat(authenticate(created.value().reveal()).getLeft().reason())
        .isEqualTo(FailureReason.TOKEN_REFRESHED);
  }

  @Test
  void anEditOvertakenByARefreshDoesNotBringTheOldSecretBack() {
    IssuedToken created = create();
    TokenId id = created.summary().token().id();
    IssuedToken[] refreshed = new IssuedToken[1];
    tokens.beforeTheNextReadReturns(
        () ->
            refreshed[0] =
                core.tokens.refreshToken(new TokenCommand(ada, TokenKind.PERSONAL, id)).get());

    var edit =
        core.personalTokens.editPersonalToken(
            new EditPersonalTokenCommand(
                ada, id, Option.some("renamed"), Option.none(), Option.none()));

    assertThat(edit.getLeft()).isInstanceOf(UseCaseFailure.Conflict.class);
    assertThat(authenticate(refreshed[0].value().reveal()).isRight()).isTrue();
    assertThat(((PersonalToken) world.tokens.find(id).get()).application()).isEqualTo("script");
  }

  private IssuedToken create() {
    return core.personalTokens
        .createPersonalToken(
            new CreatePersonalTokenCommand(ada, "script", Set.of("rest"), Option.none()))
        .get();
  }

  private Either<AuthenticationFailure, AuthenticatedPrincipal> authenticate(String value) {
    return core.authentication.authenticate(
        new AuthenticateCommand(List.of(value), Scope.REST, "/x", "192.0.2.1"));
  }

  /** A token store whose next {@code find} lets another request commit before it returns. */
  private static final class OvertakingTokenStore implements TokenStore {
    private final TokenStore delegate;
    private Runnable overtaking;

    OvertakingTokenStore(TokenStore delegate) {
      this.delegate = delegate;
    }

    void beforeTheNextReadReturns(Runnable request) {
      overtaking = request;
    }

    @Override
    public Option<Token> find(TokenId id) {
      Option<Token> read = delegate.find(id);
      Runnable request = overtaking;
      overtaking = null;
      if (request != null) {
        request.run();
      }
      return read;
    }

    @Override
    public TokenLookup lookup(TokenId id) {
      return delegate.lookup(id);
    }

    @Override
    public List<dev.tokensmith.application.port.out.PolicySubject> policySubjects(
        Option<TokenPosition> after, int limit) {
      return delegate.policySubjects(after, limit);
    }

    @Override
    public void setPolicyDeadline(
        java.util.Collection<TokenId> ids, Option<java.time.Instant> deadline) {
      delegate.setPolicyDeadline(ids, deadline);
    }

    @Override
    public List<PersonalToken> personalTokens(
        PersonalTokenFilter filter, Option<TokenPosition> after, int limit) {
      return delegate.personalTokens(filter, after, limit);
    }

    @Override
    public Counted countPersonalTokens(PersonalTokenFilter filter, int exactUpTo) {
      return delegate.countPersonalTokens(filter, exactUpTo);
    }

    @Override
    public List<ApplicationToken> applicationTokens(Option<TokenPosition> after, int limit) {
      return delegate.applicationTokens(after, limit);
    }

    @Override
    public Counted countApplicationTokens(int exactUpTo) {
      return delegate.countApplicationTokens(exactUpTo);
    }

    @Override
    public Option<ApplicationToken> applicationTokenByLogin(String login) {
      return delegate.applicationTokenByLogin(login);
    }

    @Override
    public void add(Token token) {
      delegate.add(token);
    }

    @Override
    public UpdateOutcome update(Token token, SecretDigest expected) {
      return delegate.update(token, expected);
    }

    @Override
    public Option<Tombstone> delete(TokenId id, Instant at, Tombstone.Cause cause) {
      return delegate.delete(id, at, cause);
    }

    @Override
    public List<Tombstone> deletePersonalTokensOf(UserId owner, Instant at) {
      return delegate.deletePersonalTokensOf(owner, at);
    }
  }
}
