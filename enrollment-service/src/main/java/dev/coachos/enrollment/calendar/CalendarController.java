package dev.coachos.enrollment.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.Batches;
import dev.coachos.enrollment.support.Dates;
import dev.coachos.enrollment.support.Scope;
import dev.coachos.enrollment.support.Sha256;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The calendar: events added to a batch, a view by date range for a batch, a teacher or a
 * student (scheduled classes included), and an iCalendar feed at a secret address that calendar
 * apps subscribe to.
 */
@RestController
class CalendarController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Batches batches;
    private final Calendar calendar;
    private final IcsFeed feed;
    private final String publicUrl;

    CalendarController(JdbcClient jdbc, Batches batches, Calendar calendar, IcsFeed feed,
            @Value("${coachos.enrollment.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.jdbc = jdbc;
        this.batches = batches;
        this.calendar = calendar;
        this.feed = feed;
    }

    /** Adds an event to a batch: staff who manage batches in reach, or the batch's teacher. */
    @PostMapping("/api/v1/calendar/events")
    @PreAuthorize("@permissions.allow('manage:batches') or @permissions.allow('manage:attendance')")
    @Transactional
    ResponseEntity<Calendar.Item> add(@Valid @RequestBody NewEvent request) {
        Caller caller = Caller.current();
        Dates.requireSane("startsAt", request.startsAt());
        Dates.requireSane("endsAt", request.endsAt());
        Batch batch = writable(request.batchId(), caller);
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw Problems.invalidField("endsAt", "must be after startsAt");
        }
        if (ChronoUnit.DAYS.between(request.startsAt(), request.endsAt()) > 31) {
            throw Problems.invalidField("endsAt", "an event lasts at most 31 days");
        }
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into calendar_event (id, batch_id, title, type, starts_at, ends_at, location, description,
                                            created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, batch.id(), request.title().strip(), request.type().name(), Timestamp.from(request.startsAt()),
                        Timestamp.from(request.endsAt()), request.location(), request.description(), caller.userId(),
                        Timestamp.from(Instant.now()))
                .update();
        Calendar.Item item = new Calendar.Item(id, batch.id(), batch.name(), request.title().strip(), request.type().name(),
                request.startsAt(), request.endsAt(), request.location(), request.description(), false);
        return ResponseEntity.created(URI.create("/api/v1/calendar/events/" + id)).body(item);
    }

    @DeleteMapping("/api/v1/calendar/events/{id}")
    @PreAuthorize("@permissions.allow('manage:batches') or @permissions.allow('manage:attendance')")
    @Transactional
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        UUID batch = jdbc.sql("select batch_id from calendar_event where id = ?").param(id).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("calendar event", id));
        writable(batch, Caller.current());
        jdbc.sql("delete from calendar_event where id = ?").param(id).update();
        return ResponseEntity.noContent().build();
    }

    /**
     * The calendar between two dates (at most 92 days) for one batch, one teacher or one
     * student; without any of them, the caller's own (as teacher or student).
     */
    @GetMapping("/api/v1/calendar")
    @PreAuthorize("@permissions.allow('read:courses') or @permissions.allow('read:batches')")
    @Transactional(readOnly = true)
    List<Calendar.Item> view(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) UUID batchId, @RequestParam(required = false) UUID teacherId,
            @RequestParam(required = false) UUID studentId) {
        Dates.requireSane("from", from);
        Dates.requireSane("to", to);
        if (to.isBefore(from)) {
            throw Problems.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 92) {
            throw Problems.invalidField("to", "a view spans at most 92 days");
        }
        Caller caller = Caller.current();
        Scope scope = Scope.of(caller, "read:batches");
        List<Batch> scope0;
        if (batchId != null) {
            scope0 = List.of(batches.find(batchId).filter(b -> batches.visible(b, caller))
                    .orElseThrow(() -> Problems.notFound("batch", batchId)));
        } else if (teacherId != null) {
            scope0 = batches.taughtBy(teacherId).stream().filter(b -> scope.reachesBatch(b.branchId(), b.teacherId()))
                    .toList();
        } else if (studentId != null) {
            if (scope.kind() == Scope.Kind.OWN && !caller.is(studentId)) {
                throw Problems.notFound("student", studentId);
            }
            scope0 = batches.studiedBy(studentId).stream()
                    .filter(b -> caller.is(studentId) || scope.reachesBatch(b.branchId(), b.teacherId())).toList();
        } else {
            scope0 = ownBatches(caller);
        }
        return calendar.items(scope0, from, to);
    }

    /** A new secret feed address for the caller (any earlier one stops working). Shown once. */
    @PostMapping("/api/v1/calendar/feed")
    @PreAuthorize("@permissions.allow('read:courses') or @permissions.allow('read:batches')")
    @Transactional
    Map<String, String> newFeed() {
        Caller caller = Caller.current();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                insert into calendar_feed (token_hash, user_id, teacher, created_at) values (?, ?, ?, ?)
                on conflict (user_id) do update set token_hash = excluded.token_hash, teacher = excluded.teacher,
                    created_at = excluded.created_at""")
                .params(Sha256.hex(token), caller.userId(), caller.teacherProfileId().isPresent(), Timestamp.from(Instant.now()))
                .update();
        String path = "/api/v1/calendar/feeds/" + token + ".ics";
        return Map.of("url", publicUrl + path, "path", path);
    }

    /** The feed itself, for calendar apps: no token header, the address is the secret. */
    @GetMapping("/api/v1/calendar/feeds/{file}")
    @Transactional(readOnly = true)
    ResponseEntity<String> ics(@PathVariable String file) {
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        record Owner(UUID user, boolean teacher) {
        }
        Owner owner = jdbc.sql("select user_id, teacher from calendar_feed where token_hash = ?").param(Sha256.hex(token))
                .query((rs, n) -> new Owner(rs.getObject("user_id", UUID.class), rs.getBoolean("teacher"))).optional()
                .orElseThrow(() -> Problems.notFound("calendar feed", "given"));
        List<Batch> own = owner.teacher() ? batches.taughtBy(owner.user()) : batches.studiedBy(owner.user());
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header("Cache-Control", "private, max-age=300")
                .header("Content-Disposition", "inline; filename=\"coachos.ics\"")
                .body(feed.render(own, calendar.events(own)));
    }

    private List<Batch> ownBatches(Caller caller) {
        if (caller.teacherProfileId().isPresent()) {
            return batches.taughtBy(caller.userId());
        }
        return batches.studiedBy(caller.userId());
    }

    private Batch writable(UUID batchId, Caller caller) {
        Batch batch = batches.find(batchId).filter(b -> batches.visible(b, caller))
                .orElseThrow(() -> Problems.notFound("batch", batchId));
        boolean teacher = caller.is(batch.teacherId());
        boolean staff = caller.can("manage:batches") && Scope.of(caller, "manage:batches").reachesBatch(batch.branchId(), batch.teacherId());
        if (!teacher && !staff) {
            throw Problems.forbidden("Only the batch's teacher or staff who manage its batches add events to it");
        }
        return batch;
    }


    /** Kinds of calendar events. */
    enum Type {
        CLASS, EXAM, HOLIDAY, EVENT, DEADLINE, MEETING
    }

    record NewEvent(@NotNull UUID batchId, @NotBlank @Size(max = 200) String title, @NotNull Type type,
            @NotNull Instant startsAt, @NotNull Instant endsAt, @Size(max = 200) String location,
            @Size(max = 2000) String description) {
    }
}
