package dev.coachos.enrollment.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.enrollment.InstituteClock;
import dev.coachos.enrollment.Scope;
import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.Batches;
import dev.coachos.enrollment.batch.WeeklySchedule;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Dates;
import dev.coachos.platform.web.Problems;

/**
 * What happens when: the classes a batch's weekly schedule implies (within its dates) and the
 * events added to it (exams, holidays, ...), viewed by date range for a batch, a teacher or a
 * student. Events are added by the batch's teacher or staff who manage its batches.
 */
@Service
public class Calendar {

    private final JdbcClient jdbc;
    private final Batches batches;
    private final InstituteClock clock;

    Calendar(JdbcClient jdbc, Batches batches, InstituteClock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /** Adds an event to a batch: staff who manage batches in reach, or the batch's teacher. */
    @Transactional
    public Item add(NewCalendarEvent request, Caller caller) {
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
        return new Item(id, batch.id(), batch.name(), request.title().strip(), request.type().name(),
                request.startsAt(), request.endsAt(), request.location(), request.description(), false);
    }

    /** Removes an added event, for the same people who may add one. */
    @Transactional
    public void remove(UUID id, Caller caller) {
        UUID batch = jdbc.sql("select batch_id from calendar_event where id = ?").param(id).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("calendar event", id));
        writable(batch, caller);
        jdbc.sql("delete from calendar_event where id = ?").param(id).update();
    }

    /**
     * The calendar between two dates (at most 92 days) for one batch, one teacher or one
     * student; without any of them, the caller's own (as teacher or student).
     */
    @Transactional(readOnly = true)
    public List<Item> view(LocalDate from, LocalDate to, UUID batchId, UUID teacherId, UUID studentId, Caller caller) {
        Dates.requireSane("from", from);
        Dates.requireSane("to", to);
        if (to.isBefore(from)) {
            throw Problems.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 92) {
            throw Problems.invalidField("to", "a view spans at most 92 days");
        }
        Scope scope = Scope.of(caller, "read:batches");
        List<Batch> shown;
        if (batchId != null) {
            shown = List.of(batches.find(batchId).filter(b -> batches.visible(b, caller))
                    .orElseThrow(() -> Problems.notFound("batch", batchId)));
        } else if (teacherId != null) {
            shown = batches.taughtBy(teacherId).stream().filter(b -> scope.reachesBatch(b.branchId(), b.teacherId()))
                    .toList();
        } else if (studentId != null) {
            if (scope.kind() == Scope.Kind.OWN && !caller.is(studentId)) {
                throw Problems.notFound("student", studentId);
            }
            shown = batches.studiedBy(studentId).stream()
                    .filter(b -> caller.is(studentId) || scope.reachesBatch(b.branchId(), b.teacherId())).toList();
        } else {
            shown = caller.teacherProfileId().isPresent() ? batches.taughtBy(caller.userId())
                    : batches.studiedBy(caller.userId());
        }
        return items(shown, from, to);
    }

    private Batch writable(UUID batchId, Caller caller) {
        Batch batch = batches.find(batchId).filter(b -> batches.visible(b, caller))
                .orElseThrow(() -> Problems.notFound("batch", batchId));
        boolean teacher = caller.is(batch.teacherId());
        boolean staff = caller.can("manage:batches")
                && Scope.of(caller, "manage:batches").reachesBatch(batch.branchId(), batch.teacherId());
        if (!teacher && !staff) {
            throw Problems.forbidden("Only the batch's teacher or staff who manage its batches add events to it");
        }
        return batch;
    }

    /** Every calendar item of these batches between the two dates (inclusive), in time order. */
    List<Item> items(List<Batch> shown, LocalDate from, LocalDate to) {
        List<Item> items = new ArrayList<>();
        for (Batch batch : shown) {
            WeeklySchedule schedule = WeeklySchedule.parse(batch.schedule());
            LocalDate first = from.isBefore(batch.startDate()) ? batch.startDate() : from;
            LocalDate last = batch.endDate() != null && batch.endDate().isBefore(to) ? batch.endDate() : to;
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                for (WeeklySchedule.Slot slot : schedule.slots()) {
                    if (slot.day() == day.getDayOfWeek()) {
                        ZonedDateTime start = day.atTime(slot.start()).atZone(clock.zone());
                        ZonedDateTime end = slot.end().equals(java.time.LocalTime.MAX)
                                ? day.plusDays(1).atStartOfDay(clock.zone()) : day.atTime(slot.end()).atZone(clock.zone());
                        items.add(new Item(null, batch.id(), batch.name(), batch.name(), "CLASS", start.toInstant(),
                                end.toInstant(), null, null, true));
                    }
                }
            }
        }
        if (!shown.isEmpty()) {
            Instant start = from.atStartOfDay(clock.zone()).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(clock.zone()).toInstant();
            items.addAll(jdbc.sql("""
                    select ce.id, ce.batch_id, b.name as batch_name, ce.title, ce.type, ce.starts_at, ce.ends_at,
                           ce.location, ce.description
                    from calendar_event ce join batch b on b.id = ce.batch_id
                    where ce.batch_id = any(?) and ce.starts_at < ? and ce.ends_at > ?""")
                    .params(shown.stream().map(Batch::id).toArray(UUID[]::new), Timestamp.from(end), Timestamp.from(start))
                    .query((rs, n) -> new Item(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class),
                            rs.getString("batch_name"), rs.getString("title"), rs.getString("type"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                            rs.getString("location"), rs.getString("description"), false))
                    .list());
        }
        items.sort(Comparator.comparing(Item::startsAt).thenComparing(Item::title));
        return items;
    }

    /** The events added to these batches (for feeds, which carry the weekly classes as recurrences). */
    List<Item> events(List<Batch> shown) {
        if (shown.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select ce.id, ce.batch_id, b.name as batch_name, ce.title, ce.type, ce.starts_at, ce.ends_at, ce.location,
                       ce.description
                from calendar_event ce join batch b on b.id = ce.batch_id where ce.batch_id = any(?) order by ce.starts_at""")
                .param(shown.stream().map(Batch::id).toArray(UUID[]::new))
                .query((rs, n) -> new Item(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class),
                        rs.getString("batch_name"), rs.getString("title"), rs.getString("type"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("location"), rs.getString("description"), false))
                .list();
    }

    /** One entry: a scheduled class ({@code recurring}) or an added event. */
    public record Item(UUID eventId, UUID batchId, String batchName, String title, String type, Instant startsAt,
            Instant endsAt, String location, String description, boolean recurring) {
    }
}
