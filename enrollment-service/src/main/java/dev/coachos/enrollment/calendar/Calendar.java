package dev.coachos.enrollment.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.WeeklySchedule;
import dev.coachos.enrollment.support.InstituteClock;

/**
 * What happens when: the classes a batch's weekly schedule implies (within its dates) and the
 * events added to it (exams, holidays, ...), for a set of batches and a date range.
 */
@Service
public class Calendar {

    private final JdbcClient jdbc;
    private final InstituteClock clock;

    Calendar(JdbcClient jdbc, InstituteClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every calendar item of these batches between the two dates (inclusive), in time order. */
    List<Item> items(List<Batch> batches, LocalDate from, LocalDate to) {
        List<Item> items = new ArrayList<>();
        for (Batch batch : batches) {
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
        if (!batches.isEmpty()) {
            Instant start = from.atStartOfDay(clock.zone()).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(clock.zone()).toInstant();
            items.addAll(jdbc.sql("""
                    select ce.id, ce.batch_id, b.name as batch_name, ce.title, ce.type, ce.starts_at, ce.ends_at,
                           ce.location, ce.description
                    from calendar_event ce join batch b on b.id = ce.batch_id
                    where ce.batch_id = any(?) and ce.starts_at < ? and ce.ends_at > ?""")
                    .params(batches.stream().map(Batch::id).toArray(UUID[]::new), Timestamp.from(end), Timestamp.from(start))
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
    List<Item> events(List<Batch> batches) {
        if (batches.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select ce.id, ce.batch_id, b.name as batch_name, ce.title, ce.type, ce.starts_at, ce.ends_at, ce.location,
                       ce.description
                from calendar_event ce join batch b on b.id = ce.batch_id where ce.batch_id = any(?) order by ce.starts_at""")
                .param(batches.stream().map(Batch::id).toArray(UUID[]::new))
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
