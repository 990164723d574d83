package dev.tokensmith.adapter.http.view;

import dev.tokensmith.application.port.in.NotificationChoices;
import dev.tokensmith.domain.notification.NotificationKind;
import java.util.Arrays;
import java.util.List;

/**
 * My notification choices: where e-mail goes, whether e-mail is configured, and each event with its
 * title and whether I receive it.
 */
public record NotificationChoicesView(String email, boolean mailEnabled, List<Choice> events) {
  /** One event I may receive. */
  public record Choice(String event, String title, boolean enabled) {}

  public static NotificationChoicesView from(NotificationChoices choices) {
    return new NotificationChoicesView(
        choices.email(),
        choices.mailEnabled(),
        Arrays.stream(NotificationKind.values())
            .filter(NotificationKind::isOwnersChoice)
            .map(
                kind ->
                    new Choice(kind.code(), kind.title(), choices.kinds().getOrDefault(kind, true)))
            .toList());
  }
}
