package dev.coachos.enrollment.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.WeeklySchedule;
import dev.coachos.enrollment.InstituteClock;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Renders a feed in iCalendar (RFC 5545) with ical4j: each batch's weekly classes as one
 * recurring event per slot (until the batch ends), and each added event as itself. Times are
 * UTC ({@code ...Z}), which every calendar app accepts; the institute's zone has no daylight
 * saving, so weekly recurrences in UTC stay at the same local hour.
 */
@Component
class IcsFeed {

    private static final Map<DayOfWeek, String> BY_DAY = Map.of(DayOfWeek.MONDAY, "MO", DayOfWeek.TUESDAY, "TU",
            DayOfWeek.WEDNESDAY, "WE", DayOfWeek.THURSDAY, "TH", DayOfWeek.FRIDAY, "FR", DayOfWeek.SATURDAY, "SA",
            DayOfWeek.SUNDAY, "SU");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final InstituteClock clock;

    IcsFeed(InstituteClock clock) {
        this.clock = clock;
    }

    String render(List<Batch> batches, List<Calendar.Item> events) {
        net.fortuna.ical4j.model.Calendar ics = new net.fortuna.ical4j.model.Calendar();
        ics.add(new ProdId("-//Coaching Center OS//Calendar//EN"));
        ics.add(ImmutableVersion.VERSION_2_0);
        ics.add(ImmutableCalScale.GREGORIAN);
        for (Batch batch : batches) {
            for (WeeklySchedule.Slot slot : WeeklySchedule.parse(batch.schedule()).slots()) {
                LocalDate first = batch.startDate();
                while (first.getDayOfWeek() != slot.day()) {
                    first = first.plusDays(1);
                }
                ZonedDateTime start = first.atTime(slot.start()).atZone(clock.zone()).withZoneSameInstant(ZoneOffset.UTC);
                ZonedDateTime end = (slot.end().equals(LocalTime.MAX) ? first.plusDays(1).atStartOfDay(clock.zone())
                        : first.atTime(slot.end()).atZone(clock.zone())).withZoneSameInstant(ZoneOffset.UTC);
                VEvent classes = new VEvent(start.toInstant(), end.toInstant(), batch.name());
                classes.add(new Uid("class-" + batch.id() + "-" + BY_DAY.get(slot.day()) + "@coachos"));
                String rule = "FREQ=WEEKLY;BYDAY=" + BY_DAY.get(slot.day());
                if (batch.endDate() != null) {
                    rule += ";UNTIL=" + UNTIL.format(batch.endDate().atTime(LocalTime.MAX).atZone(clock.zone())
                            .withZoneSameInstant(ZoneOffset.UTC));
                }
                classes.add(new RRule<>(rule));
                ics.add(classes);
            }
        }
        for (Calendar.Item item : events) {
            VEvent event = new VEvent(item.startsAt(), item.endsAt(), item.title() + " (" + item.batchName() + ")");
            event.add(new Uid("event-" + item.eventId() + "@coachos"));
            if (item.location() != null) {
                event.add(new Location(item.location()));
            }
            if (item.description() != null) {
                event.add(new Description(item.description()));
            }
            ics.add(event);
        }
        return ics.toString();
    }
}
