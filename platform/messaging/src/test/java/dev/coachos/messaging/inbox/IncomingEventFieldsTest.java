package dev.coachos.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Payload fields read the one way every consumer reads them: what is missing, what is malformed. */
class IncomingEventFieldsTest {

    @Test
    void aDateIsAnIsoDateAndAnOptionalOneMayBeAbsent() {
        assertThat(IncomingEvent.date("2026-11-30", "spentOn")).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThatThrownBy(() -> IncomingEvent.date(null, "spentOn")).isInstanceOf(IncomingEvent.MalformedEvent.class)
                .hasMessage("the payload has no spentOn");
        assertThatThrownBy(() -> IncomingEvent.date("30/11/2026", "spentOn"))
                .isInstanceOf(IncomingEvent.MalformedEvent.class)
                .hasMessage("the payload's spentOn is not an ISO date: 30/11/2026");
        assertThat(IncomingEvent.optionalDate(null, "endDate")).isNull();
        assertThat(IncomingEvent.optionalDate(" ", "endDate")).isNull();
        assertThat(IncomingEvent.optionalDate("2027-01-31", "endDate")).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThatThrownBy(() -> IncomingEvent.optionalDate("2027-02-30", "endDate"))
                .isInstanceOf(IncomingEvent.MalformedEvent.class);
    }

    @Test
    void anOptionalUuidMayBeAbsentButNotMalformed() {
        UUID id = UUID.randomUUID();
        assertThat(IncomingEvent.optionalUuid(id.toString(), "teacherId")).isEqualTo(id);
        assertThat(IncomingEvent.optionalUuid(null, "teacherId")).isNull();
        assertThat(IncomingEvent.optionalUuid("", "teacherId")).isNull();
        assertThatThrownBy(() -> IncomingEvent.optionalUuid("t-1", "teacherId"))
                .isInstanceOf(IncomingEvent.MalformedEvent.class).hasMessage("the payload's teacherId is not a UUID");
    }
}
