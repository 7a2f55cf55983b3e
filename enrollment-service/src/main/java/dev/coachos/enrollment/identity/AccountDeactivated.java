package dev.coachos.enrollment.identity;

import java.util.UUID;

/**
 * identity-service deactivated an account: published inside this service once per event, in the
 * transaction that records the event as applied, for the features to act on.
 */
public record AccountDeactivated(UUID userId) {
}
