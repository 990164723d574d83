package dev.tokensmith.application.port.in;

import dev.tokensmith.domain.account.Principal;
import dev.tokensmith.domain.notification.NotificationKind;
import io.vavr.control.Either;
import java.util.Map;

/**
 * A user's choice of the notifications they receive (My account). Fails with {@link
 * UseCaseFailure.Forbidden} for an application token (it has no mailbox).
 */
public interface ChooseNotificationsUseCase {
  Either<UseCaseFailure, NotificationChoices> myNotifications(Principal actor);

  /** Sets the kinds named in {@code choices}; the others stay as they were. */
  Either<UseCaseFailure, NotificationChoices> chooseNotifications(
      Principal actor, Map<NotificationKind, Boolean> choices);
}
