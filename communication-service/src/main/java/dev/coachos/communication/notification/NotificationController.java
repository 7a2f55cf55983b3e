package dev.coachos.communication.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The caller's own notifications. Someone else's notification is reported as not found, so
 * its existence does not leak.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Transactional(readOnly = true)
    PageResponse<NotificationView> mine(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        UUID me = Caller.current().userId();
        PageRequest request = PageRequest.of(page, size);
        return PageResponse.of(unread ? notifications.findMineUnread(me, request) : notifications.findMine(me, request),
                NotificationView::of);
    }

    @PostMapping("/{id}/read")
    @Transactional
    NotificationView read(@PathVariable UUID id) {
        Notification notification = notifications.findByIdAndUserId(id, Caller.current().userId())
                .orElseThrow(() -> Problems.notFound("notification", id));
        notification.markRead(Instant.now());
        return NotificationView.of(notifications.saveAndFlush(notification));
    }

    @PostMapping("/read-all")
    @Transactional
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead(Caller.current().userId(), Instant.now()));
    }

    record NotificationView(UUID id, String title, String message, Notification.Type type, boolean read, String link,
            Instant createdAt, Instant readAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getTitle(), n.getMessage(), n.getType(), n.isRead(), n.getLink(),
                    n.getCreatedAt(), n.getReadAt());
        }
    }
}
