package dev.tokensmith.application.port.out;

import dev.tokensmith.domain.notification.NotificationKind;
import dev.tokensmith.domain.token.TokenId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * One lifecycle event as the outbox keeps it: which token ({@code label} is its application or
 * login), whose, when, who did it, and the facts of its kind ({@code detail}: the address of a
 * first use, the deadline of a policy; {@code dueAt}: the expiry an expiry warning is about).
 */
public record Notice(
    long id,
    NotificationKind kind,
    TokenId tokenId,
    boolean personal,
    String ownerLogin,
    String label,
    Instant occurredAt,
    String actor,
    String detail,
    Option<Instant> dueAt) {}
