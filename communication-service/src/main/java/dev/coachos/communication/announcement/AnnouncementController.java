package dev.coachos.communication.announcement;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/**
 * Announcements: published with manage:announcements (or by a teacher to the batches they teach),
 * read with read:announcements by the people they are addressed to. Who may see or change one is
 * decided per announcement ({@link Announcements}): anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/announcements")
class AnnouncementController {

    private final Announcements announcements;

    AnnouncementController(Announcements announcements) {
        this.announcements = announcements;
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Publish an announcement to an audience now, or at publishAt")
    ResponseEntity<Announcement> publish(@Valid @RequestBody NewAnnouncement announcement) {
        Announcement published = announcements.publish(announcement, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/announcements/" + published.id())).body(published);
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:announcements')")
    @Operation(summary = "The announcements addressed to you, newest first (expired and withdrawn ones hidden)")
    PageResponse<Announcement> inbox(@RequestParam(defaultValue = "false") boolean unread, Paging paging) {
        return announcements.inbox(unread, Caller.current(), paging);
    }

    @GetMapping("/sent")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "What you sent, or (manage:announcements) your branch's; with recipients and reads")
    PageResponse<Announcement> sent(@RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) Announcement.Status status, Paging paging) {
        return announcements.sent(mine, status, Caller.current(), paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:announcements')")
    @Operation(summary = "One announcement addressed to you, or one you sent or manage")
    Announcement get(@PathVariable UUID id) {
        return announcements.get(id, Caller.current());
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("@permissions.allow('read:announcements')")
    @Operation(summary = "Mark an announcement addressed to you read")
    Announcement read(@PathVariable UUID id) {
        return announcements.markRead(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change the title, content, type or expiry (its recipients stay)")
    Announcement edit(@PathVariable UUID id, @Valid @RequestBody AnnouncementChange change) {
        return announcements.edit(id, change, Caller.current());
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Withdraw an announcement: its recipients no longer see it")
    Announcement withdraw(@PathVariable UUID id) {
        return announcements.withdraw(id, Caller.current());
    }
}
