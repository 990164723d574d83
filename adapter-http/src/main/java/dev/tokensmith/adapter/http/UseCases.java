package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.AuthenticateUseCase;
import dev.tokensmith.application.port.in.ChangeTokenPolicyUseCase;
import dev.tokensmith.application.port.in.CheckReadinessUseCase;
import dev.tokensmith.application.port.in.CreateApplicationTokenUseCase;
import dev.tokensmith.application.port.in.CreatePersonalTokenUseCase;
import dev.tokensmith.application.port.in.CreateUserUseCase;
import dev.tokensmith.application.port.in.DeleteTokenUseCase;
import dev.tokensmith.application.port.in.DeleteUserUseCase;
import dev.tokensmith.application.port.in.EditApplicationTokenUseCase;
import dev.tokensmith.application.port.in.EditPersonalTokenUseCase;
import dev.tokensmith.application.port.in.EditUserUseCase;
import dev.tokensmith.application.port.in.EndAllSessionsUseCase;
import dev.tokensmith.application.port.in.EndSessionUseCase;
import dev.tokensmith.application.port.in.IntrospectTokenUseCase;
import dev.tokensmith.application.port.in.ListApplicationTokensUseCase;
import dev.tokensmith.application.port.in.ListMyPersonalTokensUseCase;
import dev.tokensmith.application.port.in.ListPersonalTokensUseCase;
import dev.tokensmith.application.port.in.ListScopesUseCase;
import dev.tokensmith.application.port.in.ListUsersUseCase;
import dev.tokensmith.application.port.in.LogInUseCase;
import dev.tokensmith.application.port.in.RefreshTokenUseCase;
import dev.tokensmith.application.port.in.RegisterScopesUseCase;
import dev.tokensmith.application.port.in.ResolveSessionUseCase;
import dev.tokensmith.application.port.in.RevokeTokenUseCase;
import dev.tokensmith.application.port.in.StartSessionUseCase;
import dev.tokensmith.application.port.in.ViewMyAccountUseCase;
import dev.tokensmith.application.port.in.ViewTokenPolicyUseCase;
import dev.tokensmith.application.port.in.ViewTokenUseCase;
import dev.tokensmith.application.port.in.ViewUserUseCase;
import java.util.Objects;

/**
 * Every in-port the HTTP adapter calls, and nothing else. Each component has its own type, so the
 * bootstrap cannot wire them in the wrong order.
 */
public record UseCases(
    AuthenticateUseCase authenticate,
    IntrospectTokenUseCase introspectToken,
    RevokeTokenUseCase revokeToken,
    LogInUseCase logIn,
    ResolveSessionUseCase resolveSession,
    ViewMyAccountUseCase viewMyAccount,
    ListMyPersonalTokensUseCase listMyPersonalTokens,
    CreatePersonalTokenUseCase createPersonalToken,
    EditPersonalTokenUseCase editPersonalToken,
    ViewTokenUseCase viewToken,
    RefreshTokenUseCase refreshToken,
    DeleteTokenUseCase deleteToken,
    ListPersonalTokensUseCase listPersonalTokens,
    ListApplicationTokensUseCase listApplicationTokens,
    CreateApplicationTokenUseCase createApplicationToken,
    EditApplicationTokenUseCase editApplicationToken,
    ListUsersUseCase listUsers,
    ViewUserUseCase viewUser,
    CreateUserUseCase createUser,
    EditUserUseCase editUser,
    DeleteUserUseCase deleteUser,
    CheckReadinessUseCase checkReadiness,
    StartSessionUseCase startSession,
    EndSessionUseCase endSession,
    EndAllSessionsUseCase endAllSessions,
    ListScopesUseCase listScopes,
    RegisterScopesUseCase registerScopes,
    ViewTokenPolicyUseCase viewTokenPolicy,
    ChangeTokenPolicyUseCase changeTokenPolicy) {
  public UseCases {
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(introspectToken, "introspectToken");
    Objects.requireNonNull(revokeToken, "revokeToken");
    Objects.requireNonNull(logIn, "logIn");
    Objects.requireNonNull(resolveSession, "resolveSession");
    Objects.requireNonNull(viewMyAccount, "viewMyAccount");
    Objects.requireNonNull(listMyPersonalTokens, "listMyPersonalTokens");
    Objects.requireNonNull(createPersonalToken, "createPersonalToken");
    Objects.requireNonNull(editPersonalToken, "editPersonalToken");
    Objects.requireNonNull(viewToken, "viewToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(deleteToken, "deleteToken");
    Objects.requireNonNull(listPersonalTokens, "listPersonalTokens");
    Objects.requireNonNull(listApplicationTokens, "listApplicationTokens");
    Objects.requireNonNull(createApplicationToken, "createApplicationToken");
    Objects.requireNonNull(editApplicationToken, "editApplicationToken");
    Objects.requireNonNull(listUsers, "listUsers");
    Objects.requireNonNull(viewUser, "viewUser");
    Objects.requireNonNull(createUser, "createUser");
    Objects.requireNonNull(editUser, "editUser");
    Objects.requireNonNull(deleteUser, "deleteUser");
    Objects.requireNonNull(checkReadiness, "checkReadiness");
    Objects.requireNonNull(startSession, "startSession");
    Objects.requireNonNull(endSession, "endSession");
    Objects.requireNonNull(endAllSessions, "endAllSessions");
    Objects.requireNonNull(listScopes, "listScopes");
    Objects.requireNonNull(registerScopes, "registerScopes");
    Objects.requireNonNull(viewTokenPolicy, "viewTokenPolicy");
    Objects.requireNonNull(changeTokenPolicy, "changeTokenPolicy");
  }
}
