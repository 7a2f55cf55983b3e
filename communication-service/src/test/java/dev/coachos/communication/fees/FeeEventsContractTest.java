package dev.coachos.communication.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.finance.FinanceEvents;
import dev.coachos.events.finance.InstallmentDue;
import dev.coachos.events.finance.InstallmentOverdue;
import dev.coachos.events.finance.PaymentReversed;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * finance-service's reminder events as it writes them, read the way {@link FeeMessages} reads them:
 * the installment, the student and every variable of the reminders arrive under the names it expects.
 */
class FeeEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String STUDENT = "0190a1b2-0000-7000-8000-000000000081";
    private static final String INSTALLMENT = "0190a1b2-0000-7000-8000-0000000000f1";
    private static final String PLAN = "0190a1b2-0000-7000-8000-0000000000d1";

    @Test
    void aDueInstallmentArrivesWithItsCourseDateAndAmounts() {
        IncomingEvent event = travel(new InstallmentDue(INSTALLMENT, PLAN, STUDENT, null, "JEE Physics", "2027-01-05",
                "18500.00", "12000.00"));

        assertThat(event.type()).isEqualTo("InstallmentDue");
        assertThat(event.payloadAs(FeeMessages.Due.class, 1)).isEqualTo(
                new FeeMessages.Due(INSTALLMENT, STUDENT, "JEE Physics", "2027-01-05", "18500.00", "12000.00"));
    }

    @Test
    void anOverdueInstallmentArrivesWithItsLevelAndDaysOverdue() {
        IncomingEvent event = travel(new InstallmentOverdue(INSTALLMENT, PLAN, STUDENT, null, "JEE Physics",
                "2027-01-05", "18500.00", 15, 2));

        assertThat(event.type()).isEqualTo("InstallmentOverdue");
        assertThat(event.payloadAs(FeeMessages.Overdue.class, 1)).isEqualTo(
                new FeeMessages.Overdue(INSTALLMENT, STUDENT, "JEE Physics", "2027-01-05", "18500.00", 15, 2));
    }

    @Test
    void aReversalNamesThePaymentItReverses() {
        IncomingEvent event = travel(new PaymentReversed("0190a1b2-0000-7000-8000-0000000000b1",
                "0190a1b2-0000-7000-8000-0000000000e1", STUDENT, null, PLAN, "5000.00", "cheque bounced", null,
                "2026-11-30T10:00:00Z"));

        assertThat(event.payloadAs(FeeMessages.Reversed.class, 1))
                .isEqualTo(new FeeMessages.Reversed("0190a1b2-0000-7000-8000-0000000000b1"));
    }

    /** The event in its envelope, written to JSON as the producer's outbox does and read back as a listener does. */
    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), FinanceEvents.typeOf(payload),
                FinanceEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "finance-service", null,
                payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
