package dev.coachos.communication.salary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.finance.FinanceEvents;
import dev.coachos.events.finance.SalaryPaid;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.messaging.inbox.IncomingEvent.MalformedEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * finance-service's SalaryPaid as it writes it, read the way {@link SalaryMessages} reads it: the
 * slip, the person, the month, the amount, how and with what reference it was paid, the slip it
 * amends and whether it is a correction arrive under the names it expects; and the words the message is made of.
 */
class SalaryEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String SLIP = "0190a1b2-0000-7000-8000-0000000000a1";
    private static final String PERSON = "0190a1b2-0000-7000-8000-000000000071";
    private static final String AMENDED = "0190a1b2-0000-7000-8000-0000000000a0";

    @Test
    void aPaidSlipArrivesWithEverythingItsMessageIsMadeOf() {
        IncomingEvent event = travel(new SalaryPaid(SLIP, PERSON, null, "2026-11", "42350.00", "BANK_TRANSFER",
                "UTR2026113000042", AMENDED, "2026-11-30T06:30:00Z", true));

        assertThat(event.type()).isEqualTo("SalaryPaid");
        assertThat(event.payloadAs(SalaryMessages.Paid.class, 1)).isEqualTo(new SalaryMessages.Paid(SLIP, PERSON,
                "2026-11", "42350.00", "BANK_TRANSFER", "UTR2026113000042", AMENDED, true));
        IncomingEvent replacement = travel(new SalaryPaid(SLIP, PERSON, null, "2026-11", "42350.00", "UPI", "1",
                AMENDED, "2026-11-30T06:30:00Z", false));
        assertThat(replacement.payloadAs(SalaryMessages.Paid.class, 1).correction()).isFalse();
    }

    /**
     * An adjustment is what the event says it is; a slip that replaced an approved one before it was paid
     * (amends set, correction false) is the month's salary; an event from before correction was carried
     * (null) is an adjustment when it amends a slip.
     */
    @Test
    void aPaymentIsAnAdjustmentWhenTheEventSaysSoAndOlderEventsByWhetherTheyAmend() {
        assertThat(SalaryMessages.adjustment(true, AMENDED)).isTrue();
        assertThat(SalaryMessages.adjustment(false, AMENDED)).isFalse();
        assertThat(SalaryMessages.adjustment(false, null)).isFalse();
        assertThat(SalaryMessages.adjustment(null, AMENDED)).isTrue();
        assertThat(SalaryMessages.adjustment(null, null)).isFalse();
    }

    @Test
    void theMonthIsWrittenByNameAndEachMethodInWords() {
        assertThat(SalaryMessages.month("2026-11")).isEqualTo("November 2026");
        assertThat(SalaryMessages.month("2027-01")).isEqualTo("January 2027");
        assertThatThrownBy(() -> SalaryMessages.month("2026-13")).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> SalaryMessages.month(null)).isInstanceOf(MalformedEvent.class);

        assertThat(SalaryMessages.text(false, "November 2026", "₹42,350.00",
                SalaryMessages.Method.of("CHEQUE"), "004512"))
                .isEqualTo("Your salary for November 2026 was paid: ₹42,350.00 by cheque, reference 004512.");
        assertThat(SalaryMessages.text(true, "November 2026", "₹1,200.00", SalaryMessages.Method.of("CASH"), null))
                .isEqualTo("A correction to your salary was paid: an adjustment of ₹1,200.00 for November 2026 in cash.");
        assertThat(SalaryMessages.Method.of("BANK_TRANSFER").word()).isEqualTo("bank transfer");
        assertThat(SalaryMessages.Method.of("NEFT_RTGS").phrase()).isEqualTo("by neft rtgs");
        assertThatThrownBy(() -> SalaryMessages.Method.of(null)).isInstanceOf(MalformedEvent.class);
    }

    /** The event in its envelope, written to JSON as the producer's outbox does and read back as a listener does. */
    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), FinanceEvents.typeOf(payload),
                FinanceEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "finance-service", null,
                payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
