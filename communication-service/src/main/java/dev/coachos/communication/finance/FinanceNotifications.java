package dev.coachos.communication.finance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.messaging.inbox.IncomingEvent.MalformedEvent;

/**
 * Tells students about their fees, once per event however often it arrives: their new fee plan
 * (FeePlanCreated: the total, the installments, the first due date), a payment received with its
 * receipt and what is pending after it (a cheque not cleared yet counts once it clears), a payment
 * reversed with the reason and any bounce charge, and a receipt cancelled. Amounts read as
 * rupees with Indian grouping (₹1,23,456.00). Reminders of installments due or overdue are not
 * notifications in the app: they go out by e-mail, SMS and WhatsApp ({@code fees}); here those events,
 * like any other type, pass by.
 */
@Component
class FinanceNotifications {

    static final String CONSUMER = "communication.finance";

    /** A payment's status while its cheque has not cleared. */
    private static final String NOT_CLEARED = "RECEIVED";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private static final Logger log = LoggerFactory.getLogger(FinanceNotifications.class);

    private final Inbox inbox;
    private final Notifications notifications;

    FinanceNotifications(Inbox inbox, Notifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @KafkaListener(topics = Topics.FINANCE, groupId = "communication-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        NewNotification notification = switch (event.type()) {
            case "FeePlanCreated" -> plan(event.payloadAs(PlanCreated.class, 1));
            case "PaymentReceived" -> received(event.payloadAs(Received.class, 1));
            case "PaymentReversed" -> reversed(event.payloadAs(Reversed.class, 1));
            case "ReceiptCancelled" -> cancelled(event.payloadAs(Cancelled.class, 1));
            default -> null;
        };
        if (notification == null) {
            return;
        }
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> notifications.send(notification));
        log.info("{} {} for student {}: {}", event.type(), event.eventId(), notification.userId(),
                applied ? "notification created" : "already applied, skipped");
    }

    private static NewNotification plan(PlanCreated plan) {
        UUID student = IncomingEvent.uuid(plan.studentId(), "studentId");
        String link = "/fee-plans/" + IncomingEvent.uuid(plan.planId(), "planId");
        String what = plan.courseTitle() == null ? "Your fee plan"
                : "Your fee plan for " + plan.courseTitle()
                        + (plan.batchName() == null ? "" : " (batch " + plan.batchName() + ")");
        int count = plan.installments() == null ? 1 : plan.installments();
        String installments = count == 1 ? "in one installment"
                : "in " + count + ("MONTHLY".equals(plan.frequency()) ? " monthly" : "") + " installments";
        String due = plan.firstDueDate() == null ? "."
                : (count == 1 ? ", due on " : "; the first is due on ") + day(plan.firstDueDate(), "firstDueDate")
                        + ".";
        return new NewNotification(student, "Your fee plan",
                what + ": " + rupees(plan.total(), "total") + " " + installments + due,
                Notification.Type.INFO, link);
    }

    private static NewNotification received(Received payment) {
        UUID student = IncomingEvent.uuid(payment.studentId(), "studentId");
        String amount = rupees(payment.amount(), "amount");
        String receipt = payment.receiptNumber() == null ? "" : " (receipt " + payment.receiptNumber() + ")";
        String pending = rupees(payment.pendingAfter(), "pendingAfter");
        boolean paidUp = Rupees.isNothing(payment.pendingAfter());
        String link = receiptLink(payment.receiptId());
        if (NOT_CLEARED.equals(payment.status())) {
            return new NewNotification(student, "Payment received",
                    "Your cheque for " + amount + " is received" + receipt + ". It will count towards your fees "
                            + "when it clears" + (paidUp ? "; after it nothing is pending on your fee plan."
                                    : "; pending on your fee plan after it: " + pending + "."),
                    Notification.Type.INFO, link);
        }
        return new NewNotification(student, "Payment received",
                "We received " + amount + how(payment.method()) + receipt + "."
                        + (paidUp ? " Nothing is pending on your fee plan now."
                                : " Pending on your fee plan after it: " + pending + "."),
                Notification.Type.SUCCESS, link);
    }

    private static NewNotification reversed(Reversed reversal) {
        UUID student = IncomingEvent.uuid(reversal.studentId(), "studentId");
        String why = reversal.reason() == null || reversal.reason().isBlank() ? "" : ": " + reversal.reason();
        String charge = "";
        if (reversal.bounceCharge() != null) {
            String bounceCharge = rupees(reversal.bounceCharge(), "bounceCharge");
            charge = Rupees.isNothing(reversal.bounceCharge()) ? ""
                    : " A bounce charge of " + bounceCharge + " was added to your fee plan.";
        }
        return new NewNotification(student, "Payment reversed",
                "Your payment of " + rupees(reversal.amount(), "amount") + " was reversed" + why
                        + ". It no longer counts towards your fees." + charge,
                Notification.Type.WARNING, receiptLink(reversal.receiptId()));
    }

    private static NewNotification cancelled(Cancelled cancelled) {
        UUID student = IncomingEvent.uuid(cancelled.studentId(), "studentId");
        String why = cancelled.reason() == null || cancelled.reason().isBlank() ? "" : ": " + cancelled.reason();
        String number = cancelled.receiptNumber() == null ? "A receipt of yours" : "Receipt " + cancelled.receiptNumber();
        return new NewNotification(student, "Receipt cancelled", number + " was cancelled" + why + ".",
                Notification.Type.WARNING, receiptLink(cancelled.receiptId()));
    }

    /** How it was paid, as the end of "We received ₹5,000.00 by UPI"; nothing for a method not known here. */
    private static String how(String method) {
        return switch (method == null ? "" : method) {
            case "CASH" -> " in cash";
            case "UPI" -> " by UPI";
            case "BANK_TRANSFER" -> " by bank transfer";
            case "CARD" -> " by card";
            case "CHEQUE" -> " by cheque";
            case "ONLINE" -> " online";
            default -> "";
        };
    }

    private static String receiptLink(String receiptId) {
        return "/receipts/" + IncomingEvent.uuid(receiptId, "receiptId");
    }

    /** An amount field as "₹5,000.00"; one that is not an amount can never be applied. */
    private static String rupees(String amount, String field) {
        try {
            return Rupees.of(amount);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the payload's " + field + " is not an amount: " + e.getMessage());
        }
    }

    /** An ISO date field as "5 Jan 2027"; one that is not a date can never be applied. */
    private static String day(String date, String field) {
        try {
            return DAY.format(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("the payload's " + field + " is not an ISO date: " + date);
        }
    }

    /** The fields of finance-service's FeePlanCreated used here. */
    record PlanCreated(String planId, String studentId, String courseTitle, String batchName, String frequency,
            String total, Integer installments, String firstDueDate) {
    }

    /** The fields of finance-service's PaymentReceived used here. */
    record Received(String receiptId, String receiptNumber, String studentId, String amount, String method,
            String status, String pendingAfter) {
    }

    /** The fields of finance-service's PaymentReversed used here. */
    record Reversed(String receiptId, String studentId, String amount, String reason, String bounceCharge) {
    }

    /** The fields of finance-service's ReceiptCancelled used here. */
    record Cancelled(String receiptId, String receiptNumber, String studentId, String reason) {
    }
}
