package dev.coachos.marketing.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Payments and campaign expenses as finance-service reports them. PaymentReceived adds a payment (a
 * payment already known stays as it is), PaymentReversed marks it reversed. ExpenseRecorded of an
 * expense naming a campaign adds it, counted or waiting for approval; ExpenseApproved counts it;
 * ExpenseReversed marks it reversed. Expenses of campaigns not known here are kept anyway; those
 * naming no campaign are ignored. Each event is applied once (inbox). Finance keys payment events by
 * student and expense events by expense, so a reversal or approval never arrives before what it
 * changes; one that does waits for it.
 */
@Component
class PaymentReadModel {

    static final String CONSUMER = "marketing.payments";

    private static final Logger log = LoggerFactory.getLogger(PaymentReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    PaymentReadModel(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.FINANCE, groupId = "marketing-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "PaymentReceived" -> {
                Received payment = event.payloadAs(Received.class, 1);
                UUID paymentId = IncomingEvent.uuid(payment.paymentId(), "paymentId");
                UUID studentId = IncomingEvent.uuid(payment.studentId(), "studentId");
                BigDecimal amount = amount(payment.amount(), "PaymentReceived");
                Instant receivedAt = instant(payment.receivedAt(), "receivedAt");
                yield () -> jdbc.update("""
                        insert into payment_view (payment_id, student_id, amount, received_at)
                        values (?, ?, ?, ?) on conflict (payment_id) do nothing""",
                        paymentId, studentId, amount, Timestamp.from(receivedAt));
            }
            case "PaymentReversed" -> {
                Reversed reversal = event.payloadAs(Reversed.class, 1);
                UUID paymentId = IncomingEvent.uuid(reversal.paymentId(), "paymentId");
                Instant reversedAt = instant(reversal.reversedAt(), "reversedAt");
                yield () -> reversed(paymentId, reversedAt);
            }
            case "ExpenseRecorded" -> {
                ExpenseRecorded expense = event.payloadAs(ExpenseRecorded.class, 1);
                if (expense.campaignId() == null) {
                    yield null;
                }
                UUID expenseId = IncomingEvent.uuid(expense.expenseId(), "expenseId");
                UUID campaignId = IncomingEvent.uuid(expense.campaignId(), "campaignId");
                BigDecimal amount = amount(expense.amount(), "ExpenseRecorded");
                LocalDate spentOn = IncomingEvent.date(expense.spentOn(), "spentOn");
                boolean counted = switch (String.valueOf(expense.status())) {
                    case "COUNTED" -> true;
                    case "PENDING_APPROVAL" -> false;
                    default -> throw new IncomingEvent.MalformedEvent(
                            "ExpenseRecorded with an unknown status: " + expense.status());
                };
                yield () -> jdbc.update("""
                        insert into campaign_expense (expense_id, campaign_id, amount, spent_on, counted, reversed)
                        values (?, ?, ?, ?, ?, false) on conflict (expense_id) do nothing""",
                        expenseId, campaignId, amount, spentOn, counted);
            }
            case "ExpenseApproved" -> {
                ExpenseChanged approval = event.payloadAs(ExpenseChanged.class, 1);
                if (approval.campaignId() == null) {
                    yield null;
                }
                UUID expenseId = IncomingEvent.uuid(approval.expenseId(), "expenseId");
                yield () -> changed(expenseId, "counted = true");
            }
            case "ExpenseReversed" -> {
                ExpenseChanged reversal = event.payloadAs(ExpenseChanged.class, 1);
                if (reversal.campaignId() == null) {
                    yield null;
                }
                UUID expenseId = IncomingEvent.uuid(reversal.expenseId(), "expenseId");
                yield () -> changed(expenseId, "reversed = true");
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to payments", event.type(), event.eventId());
        }
    }

    private void reversed(UUID paymentId, Instant reversedAt) {
        if (jdbc.update("update payment_view set reversed_at = coalesce(reversed_at, ?) where payment_id = ?",
                Timestamp.from(reversedAt), paymentId) == 0) {
            throw new IncomingEvent.NotYetApplicable("payment " + paymentId + " is not known yet");
        }
    }

    private void changed(UUID expenseId, String change) {
        if (jdbc.update("update campaign_expense set " + change + " where expense_id = ?", expenseId) == 0) {
            throw new IncomingEvent.NotYetApplicable("expense " + expenseId + " is not known yet");
        }
    }

    private static BigDecimal amount(String text, String type) {
        if (text == null) {
            throw new IncomingEvent.MalformedEvent(type + " without an amount");
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            if (amount.scale() > 2 || amount.signum() <= 0) {
                throw new IncomingEvent.MalformedEvent(type + " with an amount that is not positive rupees: " + text);
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            throw new IncomingEvent.MalformedEvent(type + " with an amount that is not a number: " + text);
        }
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            throw new IncomingEvent.MalformedEvent("the payload has no " + field);
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new IncomingEvent.MalformedEvent("the payload's " + field + " is not an ISO instant: " + text);
        }
    }

    /** The fields of finance's PaymentReceived this read model keeps. */
    record Received(String paymentId, String studentId, String amount, String receivedAt) {
    }

    /** The fields of finance's ExpenseRecorded this read model keeps. */
    record ExpenseRecorded(String expenseId, String campaignId, String amount, String spentOn, String status) {
    }

    /** The fields of finance's ExpenseApproved and ExpenseReversed this read model needs. */
    record ExpenseChanged(String expenseId, String campaignId) {
    }

    /** The fields of finance's PaymentReversed this read model needs. */
    record Reversed(String paymentId, String reversedAt) {
    }
}
