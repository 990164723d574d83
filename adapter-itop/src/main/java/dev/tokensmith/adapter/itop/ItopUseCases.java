package dev.tokensmith.adapter.itop;

import dev.tokensmith.application.port.in.AuthenticateUseCase;
import dev.tokensmith.application.port.in.CountDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.CreateDirectoryObjectUseCase;
import dev.tokensmith.application.port.in.DeleteDirectoryObjectUseCase;
import dev.tokensmith.application.port.in.FailedSignInUseCase;
import dev.tokensmith.application.port.in.FindDirectoryObjectsUseCase;
import dev.tokensmith.application.port.in.LogInToRestServicesUseCase;
import dev.tokensmith.application.port.in.LogInUseCase;
import dev.tokensmith.application.port.in.UpdateDirectoryObjectUseCase;
import java.util.Objects;

/**
 * Every in-port iTop's webservices call, and nothing else. Each component has its own type, so the
 * bootstrap cannot wire them in the wrong order.
 */
public record ItopUseCases(
    AuthenticateUseCase authenticate,
    LogInToRestServicesUseCase logInToRestServices,
    LogInUseCase logIn,
    FailedSignInUseCase failedSignIn,
    FindDirectoryObjectsUseCase findDirectoryObjects,
    CountDirectoryObjectsUseCase countDirectoryObjects,
    CreateDirectoryObjectUseCase createDirectoryObject,
    UpdateDirectoryObjectUseCase updateDirectoryObject,
    DeleteDirectoryObjectUseCase deleteDirectoryObject) {
  public ItopUseCases {
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(logInToRestServices, "logInToRestServices");
    Objects.requireNonNull(logIn, "logIn");
    Objects.requireNonNull(failedSignIn, "failedSignIn");
    Objects.requireNonNull(findDirectoryObjects, "findDirectoryObjects");
    Objects.requireNonNull(countDirectoryObjects, "countDirectoryObjects");
    Objects.requireNonNull(createDirectoryObject, "createDirectoryObject");
    Objects.requireNonNull(updateDirectoryObject, "updateDirectoryObject");
    Objects.requireNonNull(deleteDirectoryObject, "deleteDirectoryObject");
  }
}
