package dev.coachos.communication.notification;

import java.util.UUID;

/** A notification to send to one user, as a listener asks for it in reaction to another service's event. */
public record NewNotification(UUID userId, String title, String message, Notification.Type type, String link) {
}
