package dev.coachos.communication.announcement;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/** An edit of an announcement: each field given replaces the current one; its recipients stay as they are. */
public record AnnouncementChange(@Size(max = 200) String title, @Size(max = 20_000) String content,
        Announcement.Type type, Instant expiresAt) {
}
