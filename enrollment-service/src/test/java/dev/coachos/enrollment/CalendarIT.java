package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;

/** Calendar views with scheduled classes and added events, and the iCalendar feed apps subscribe to. */
class CalendarIT extends EnrollmentTestBase {

    @Test
    void studentsAndTeachersSeeClassesAndEventsAndSubscribeWithoutATokenHeader() throws Exception {
        UUID course = knownCourse("Calendar", "1000", true);
        UUID teacherId = UUID.randomUUID();
        UUID batch = batch(course, "Calendar batch", 30, teacherId, null, Map.of("mon", "10:00-12:00", "thu", "16:30-18:00"));
        UUID asha = UUID.randomUUID();
        enroll(director, asha, course, batch);
        LocalDate monday = LocalDate.now().plusWeeks(1).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));

        Response exam = api.post("/api/v1/calendar/events", teacher(teacherId), Map.of("batchId", batch.toString(),
                "title", "Unit test 1", "type", "EXAM", "startsAt", monday.plusDays(2) + "T04:30:00Z",
                "endsAt", monday.plusDays(2) + "T06:00:00Z", "location", "Hall B"));
        assertThat(exam.status()).as(exam.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/calendar/events", teacher(UUID.randomUUID()), Map.of("batchId", batch.toString(),
                "title", "X", "type", "EXAM", "startsAt", monday + "T04:30:00Z", "endsAt", monday + "T05:30:00Z"))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/calendar/events", teacher(teacherId), Map.of("batchId", batch.toString(),
                "title", "X", "type", "EXAM", "startsAt", monday + "T06:30:00Z", "endsAt", monday + "T05:30:00Z"))
                .errorFields()).containsExactly("endsAt");

        String week = "from=" + monday + "&to=" + monday.plusDays(6);
        List<JsonNode> asStudent = api.get("/api/v1/calendar?" + week, student(asha)).json().valueStream().toList();
        assertThat(asStudent).extracting(i -> i.path("type").asString()).containsExactly("CLASS", "EXAM", "CLASS");
        // 10:00 in Kolkata is 04:30 UTC.
        assertThat(asStudent.getFirst().path("startsAt").asString()).isEqualTo(monday + "T04:30:00Z");
        assertThat(api.get("/api/v1/calendar?" + week, teacher(teacherId)).json().size()).isEqualTo(3);
        assertThat(api.get("/api/v1/calendar?" + week + "&batchId=" + batch, student(UUID.randomUUID())).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/calendar?" + week + "&studentId=" + asha, student(UUID.randomUUID())).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/calendar?from=" + monday + "&to=" + monday.plusDays(200), student(asha)).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/calendar?from=+999999999-12-01&to=+999999999-12-31", student(asha)).errorFields())
                .containsExactly("from");

        Response feed = api.post("/api/v1/calendar/feed", student(asha), null);
        assertThat(feed.status()).isEqualTo(200);
        Response ics = api.get(feed.text("path"), null);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.header("Content-Disposition")).contains("coachos.ics");
        // What a calendar app does: parse it (ical4j's parser is strict about RFC 5545 syntax).
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics.raw()));
        parsed.validate();
        List<VEvent> events = parsed.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(e -> assertThat(e.getUid()).isPresent());
        assertThat(ics.raw()).contains("VERSION:2.0", "PRODID:", "DTSTAMP:", "BEGIN:VCALENDAR", "END:VCALENDAR")
                .doesNotContain("TZID")
                .contains("DTSTART:" + monday.plusDays(2).toString().replace("-", "") + "T043000Z");
        assertThat(ics.raw()).contains("RRULE:FREQ=WEEKLY;BYDAY=MO", "RRULE:FREQ=WEEKLY;BYDAY=TH", "Unit test 1",
                "LOCATION:Hall B");
        // A new address replaces the old one; a wrong one finds nothing.
        Response renewed = api.post("/api/v1/calendar/feed", student(asha), null);
        assertThat(api.get(feed.text("path"), null).status()).isEqualTo(404);
        assertThat(api.get(renewed.text("path"), null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/calendar/feeds/not-a-feed.ics", null).status()).isEqualTo(404);
    }
}
