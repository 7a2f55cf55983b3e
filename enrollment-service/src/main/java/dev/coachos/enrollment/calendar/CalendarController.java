package dev.coachos.enrollment.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** The calendar of batches, teachers and students, and the private feeds calendar apps subscribe to. */
@RestController
class CalendarController {

    private final Calendar calendar;
    private final CalendarFeeds feeds;

    CalendarController(Calendar calendar, CalendarFeeds feeds) {
        this.calendar = calendar;
        this.feeds = feeds;
    }

    @PostMapping("/api/v1/calendar/events")
    @PreAuthorize("@permissions.allow('manage:batches') or @permissions.allow('manage:attendance')")
    @Operation(summary = "Add an event to a batch's calendar")
    ResponseEntity<Calendar.Item> add(@Valid @RequestBody NewCalendarEvent request) {
        Calendar.Item item = calendar.add(request, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/calendar/events/" + item.eventId())).body(item);
    }

    @DeleteMapping("/api/v1/calendar/events/{id}")
    @PreAuthorize("@permissions.allow('manage:batches') or @permissions.allow('manage:attendance')")
    @Operation(summary = "Remove an event from a batch's calendar")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        calendar.remove(id, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/calendar")
    @PreAuthorize("@permissions.allow('read:courses') or @permissions.allow('read:batches')")
    @Operation(summary = "View the calendar of a batch, a teacher, a student or the caller between two dates")
    List<Calendar.Item> view(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) UUID batchId, @RequestParam(required = false) UUID teacherId,
            @RequestParam(required = false) UUID studentId) {
        return calendar.view(from, to, batchId, teacherId, studentId, Caller.current());
    }

    @PostMapping("/api/v1/calendar/feed")
    @PreAuthorize("@permissions.allow('read:courses') or @permissions.allow('read:batches')")
    @Operation(summary = "Create a new secret calendar feed address for the caller")
    CalendarFeeds.FeedAddress newFeed() {
        return feeds.renew(Caller.current());
    }

    @GetMapping("/api/v1/calendar/feeds/{file}")
    @Operation(summary = "Read an iCalendar feed by its secret address (no token)")
    ResponseEntity<String> ics(@PathVariable String file) {
        String secret = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header("Cache-Control", "private, max-age=300")
                .header("Content-Disposition", "inline; filename=\"coachos.ics\"")
                .body(feeds.render(secret));
    }
}
