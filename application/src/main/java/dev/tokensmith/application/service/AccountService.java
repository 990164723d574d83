package dev.tokensmith.application.service;

import dev.tokensmith.application.port.in.FailedSignInUseCase;
import dev.tokensmith.application.port.in.LogInCommand;
import dev.tokensmith.application.port.in.LogInToRestServicesUseCase;
import dev.tokensmith.application.port.in.LogInUseCase;
import dev.tokensmith.application.port.in.MyAccount;
import dev.tokensmith.application.port.in.UseCaseFailure;
import dev.tokensmith.application.port.in.ViewMyAccountUseCase;
import dev.tokensmith.application.port.out.AccountDirectory;
import dev.tokensmith.application.port.out.PasswordHasher;
import dev.tokensmith.domain.account.Password;
import dev.tokensmith.domain.account.PasswordHash;
import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.account.Profile;
import dev.tokensmith.domain.account.Status;
import dev.tokensmith.domain.account.User;
import dev.tokensmith.domain.authentication.AuthenticationPolicy;
import dev.tokensmith.domain.input.StorableText;
import dev.tokensmith.domain.policy.TokenPolicy;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The acting user's own account, and password login for the web UI and the REST web services within
 * the budgets of wrong passwords.
 */
public final class AccountService
    implements ViewMyAccountUseCase, LogInUseCase, LogInToRestServicesUseCase, FailedSignInUseCase {
  private final AccountDirectory accounts;
  private final PasswordHasher hasher;
  private final AuthenticationPolicy policy;
  private final FailedAttempts attempts;
  private final Supplier<TokenPolicy> tokenPolicy;
  private final Clock clock;
  // checked against when the login is unknown, so both cases take the same time
  private final Lazy<PasswordHash> decoy;

  AccountService(
      AccountDirectory accounts,
      PasswordHasher hasher,
      AuthenticationPolicy policy,
      FailedAttempts attempts,
      Supplier<TokenPolicy> tokenPolicy,
      Clock clock) {
    this.accounts = accounts;
    this.tokenPolicy = tokenPolicy;
    this.hasher = hasher;
    this.policy = policy;
    this.attempts = attempts;
    this.clock = clock;
    this.decoy = Lazy.of(() -> hasher.hash(Password.of("decoy password never used")));
  }

  @Override
  public Either<UseCaseFailure, MyAccount> viewMyAccount(Principal actor) {
    return TokenAccess.asUser(actor, accounts)
        .map(
            user ->
                new MyAccount(
                    user,
                    user.profiles().stream()
                        .anyMatch(tokenPolicy.get().personalTokenProfileSet()::contains)));
  }

  @Override
  public Either<UseCaseFailure, User> logIn(LogInCommand command) {
    Instant now = clock.instant();
    if (command.login() == null || !StorableText.isStorable(command.login())) {
      // a login no user can have (one the database could not even store) is an unknown login:
      // the same time spent, and never a lookup the database would refuse
      hasher.verify(command.password(), decoy.get());
      return Either.left(attempts.passwordFailed(Option.none(), command.clientAddress(), now));
    }
    Option<UseCaseFailure> refusal = attempts.passwordRefusal(command.login(), now);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    Option<User> user = accounts.userByLogin(command.login());
    Option<PasswordHash> hash = user.flatMap(u -> accounts.passwordHash(u.id()));
    boolean verified = hasher.verify(command.password(), hash.getOrElse(decoy));
    if (!verified || hash.isEmpty() || user.get().status() != Status.ENABLED) {
      return Either.left(
          attempts.passwordFailed(Option.some(command.login()), command.clientAddress(), now));
    }
    if (hasher.needsRehash(hash.get())) {
      accounts.setPasswordHash(user.get().id(), hasher.hash(command.password()));
    }
    return Either.right(user.get());
  }

  @Override
  public Either<UseCaseFailure, User> logInToRestServices(LogInCommand command) {
    return logIn(command)
        .flatMap(
            user ->
                !policy.secureRestServices() || user.holds(Profile.REST_SERVICES_USER)
                    ? Either.right(user)
                    : Either.left(new UseCaseFailure.Forbidden(REST_PROFILE_REQUIRED)));
  }

  @Override
  public UseCaseFailure failedSignIn(Option<String> login, String clientAddress) {
    return attempts.passwordFailed(login, clientAddress, clock.instant());
  }
}
