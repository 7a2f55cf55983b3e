package dev.coachos.communication.absence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.enrollment.AttendanceMarked;
import dev.coachos.events.enrollment.EnrollmentEvents;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * enrollment-service's AttendanceMarked as it writes it, read the way {@link AbsenceAlerts} reads it;
 * and runs of absences as a streak counts them.
 */
class AttendanceEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String BATCH = "0190a1b2-0000-7000-8000-0000000000b1";
    private static final String ASHA = "0190a1b2-0000-7000-8000-000000000081";
    private static final String RAVI = "0190a1b2-0000-7000-8000-000000000082";

    @Test
    void aSessionArrivesWithItsBatchDateAndEachStudentsMark() {
        IncomingEvent event = travel(new AttendanceMarked(BATCH, "2026-12-02", null,
                "0190a1b2-0000-7000-8000-0000000000a1",
                List.of(new AttendanceMarked.Mark(ASHA, "ABSENT"), new AttendanceMarked.Mark(RAVI, "LATE"))));

        assertThat(event.type()).isEqualTo("AttendanceMarked");
        assertThat(event.payloadAs(AbsenceAlerts.Marked.class, 1)).isEqualTo(new AbsenceAlerts.Marked(BATCH,
                "2026-12-02", List.of(new AbsenceAlerts.Mark(ASHA, "ABSENT"), new AbsenceAlerts.Mark(RAVI, "LATE"))));
    }

    @Test
    void presentAndLateEndARunExcusedNeitherCountsNorEndsIt() {
        LocalDate d = LocalDate.of(2026, 11, 2);
        List<AbsenceAlerts.Run> runs = AbsenceAlerts.runs(List.of(
                new AbsenceAlerts.Dated(d, "ABSENT"),
                new AbsenceAlerts.Dated(d.plusDays(1), "EXCUSED"),
                new AbsenceAlerts.Dated(d.plusDays(2), "ABSENT"),
                new AbsenceAlerts.Dated(d.plusDays(3), "LATE"),
                new AbsenceAlerts.Dated(d.plusDays(4), "EXCUSED"),
                new AbsenceAlerts.Dated(d.plusDays(5), "PRESENT"),
                new AbsenceAlerts.Dated(d.plusDays(6), "ABSENT")));

        assertThat(runs).containsExactly(new AbsenceAlerts.Run(d, d.plusDays(2), 2),
                new AbsenceAlerts.Run(d.plusDays(6), d.plusDays(6), 1));
    }

    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), EnrollmentEvents.typeOf(payload),
                EnrollmentEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "enrollment-service", null,
                payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
