package dev.tokensmith.adapter.http;

import dev.tokensmith.application.port.in.AdministerNotificationsUseCase;
import dev.tokensmith.application.port.in.ChooseNotificationsUseCase;
import java.util.Objects;

/** The in-ports of lifecycle notifications the HTTP adapter calls. */
public record NotificationUseCases(
    ChooseNotificationsUseCase choose, AdministerNotificationsUseCase administer) {
  public NotificationUseCases {
    Objects.requireNonNull(choose, "choose");
    Objects.requireNonNull(administer, "administer");
  }
}
