package dev.coachos.communication.announcement;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An announcement as its author sends it.
 *
 * @param content   HTML from the editor; cleaned before it is stored
 * @param expiresAt when it leaves its recipients' lists, or null to stay
 * @param publishAt a future time to publish it at, or null (or a past time) to publish it now
 */
public record NewAnnouncement(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20_000) String content,
        @NotNull Announcement.Type type, @NotNull @Valid Audience audience, Instant expiresAt, Instant publishAt) {
}
