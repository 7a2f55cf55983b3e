package dev.coachos.communication.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.finance.FeePlanCreated;
import dev.coachos.events.finance.FinanceEvents;
import dev.coachos.events.finance.PaymentReceived;
import dev.coachos.events.finance.PaymentReversed;
import dev.coachos.events.finance.ReceiptCancelled;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * finance-service's events as it writes them, read the way {@link FinanceNotifications} reads
 * them: every field a student's message is made of arrives under the name and type it expects.
 */
class FinanceEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String STUDENT = "0190a1b2-0000-7000-8000-000000000081";
    private static final String RECEIPT = "0190a1b2-0000-7000-8000-0000000000e1";

    @Test
    void theStudentHearsTheTotalTheInstallmentsAndTheFirstDueDateOfANewPlan() {
        IncomingEvent event = travel(new FeePlanCreated("0190a1b2-0000-7000-8000-0000000000d1",
                "0190a1b2-0000-7000-8000-0000000000c1", STUDENT, null, "JEE Physics", "Jan 2027", "MONTHLY",
                "18500.00", 10, "2027-01-05"));

        assertThat(event.type()).isEqualTo("FeePlanCreated");
        assertThat(event.payloadAs(FinanceNotifications.PlanCreated.class, 1)).isEqualTo(
                new FinanceNotifications.PlanCreated("0190a1b2-0000-7000-8000-0000000000d1", STUDENT, "JEE Physics",
                        "Jan 2027", "MONTHLY", "18500.00", 10, "2027-01-05"));
    }

    @Test
    void theStudentHearsTheAmountTheReceiptAndWhatIsPendingOfAPayment() {
        IncomingEvent event = travel(new PaymentReceived("0190a1b2-0000-7000-8000-0000000000b1", RECEIPT,
                "DEL/26-27/00042", STUDENT, "0190a1b2-0000-7000-8000-000000000091",
                "0190a1b2-0000-7000-8000-0000000000d1", "5000.00", "CHEQUE", "RECEIVED", "13500.00",
                "2026-11-24T10:00:00Z", List.of(new PaymentReceived.Settled("0190a1b2-0000-7000-8000-0000000000e1",
                        "PAID"))));

        assertThat(event.type()).isEqualTo("PaymentReceived");
        assertThat(event.payloadAs(FinanceNotifications.Received.class, 1)).isEqualTo(
                new FinanceNotifications.Received(RECEIPT, "DEL/26-27/00042", STUDENT, "5000.00", "CHEQUE",
                        "RECEIVED", "13500.00"));
    }

    @Test
    void theStudentHearsWhyAPaymentWasReversedAndOfAnyBounceCharge() {
        IncomingEvent event = travel(new PaymentReversed("0190a1b2-0000-7000-8000-0000000000b1", RECEIPT, STUDENT,
                null, "0190a1b2-0000-7000-8000-0000000000d1", "5000.00", "cheque bounced: insufficient funds",
                null, "2026-11-30T10:00:00Z"));

        assertThat(event.type()).isEqualTo("PaymentReversed");
        assertThat(event.payloadAs(FinanceNotifications.Reversed.class, 1)).isEqualTo(
                new FinanceNotifications.Reversed(RECEIPT, STUDENT, "5000.00", "cheque bounced: insufficient funds",
                        null));
    }

    @Test
    void theStudentHearsWhichReceiptWasCancelledAndWhy() {
        IncomingEvent event = travel(new ReceiptCancelled(RECEIPT, "DEL/26-27/00042",
                "0190a1b2-0000-7000-8000-0000000000b1", STUDENT, null, "entered twice", "2026-11-24T11:00:00Z"));

        assertThat(event.type()).isEqualTo("ReceiptCancelled");
        assertThat(event.payloadAs(FinanceNotifications.Cancelled.class, 1)).isEqualTo(
                new FinanceNotifications.Cancelled(RECEIPT, "DEL/26-27/00042", STUDENT, "entered twice"));
    }

    /** The event in its envelope, written to JSON as the producer's outbox does and read back as a listener does. */
    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), FinanceEvents.typeOf(payload),
                FinanceEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "finance-service", null,
                payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
