package dev.coachos.communication.fees;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.delivery.Deliveries;
import dev.coachos.communication.delivery.OutgoingMessage;
import dev.coachos.communication.delivery.Purpose;
import dev.coachos.communication.delivery.Recipient;
import dev.coachos.communication.finance.Rupees;
import dev.coachos.communication.identity.Directory;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.messaging.inbox.IncomingEvent.MalformedEvent;

/**
 * Turns finance-service's events into deliveries, each event once however often it arrives:
 * InstallmentDue becomes a FEE_DUE reminder and InstallmentOverdue a FEE_OVERDUE reminder of its
 * level, to the student and each of their guardians, unless the installment is known paid;
 * PaymentReceived records the installments it paid (cancelling their reminders still waiting) and
 * sends the student the PAYMENT_RECEIPT; PaymentReversed makes the installments that payment paid
 * unpaid again. The finance event's id is each message's source, so a level reaches each address
 * on each channel once. It listens in a consumer group of its own, beside the in-app
 * notifications of {@code finance}; finance keys its events by student, so a student's arrive in
 * order.
 */
@Component
class FeeMessages {

    static final String CONSUMER = "communication.fee-messages";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private static final Logger log = LoggerFactory.getLogger(FeeMessages.class);

    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Directory directory;
    private final JdbcClient jdbc;

    FeeMessages(Inbox inbox, Deliveries deliveries, Directory directory, JdbcClient jdbc) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.FINANCE, groupId = "communication-service.fee-messages")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        UUID source = event.eventId();
        Runnable effect = switch (event.type()) {
            case "InstallmentDue" -> {
                Due due = event.payloadAs(Due.class, 1);
                UUID installment = IncomingEvent.uuid(due.installmentId(), "installmentId");
                UUID student = IncomingEvent.uuid(due.studentId(), "studentId");
                String pending = rupees(due.pending() == null ? due.amount() : due.pending(), "pending");
                boolean owed = !isNothing(due.pending() == null ? due.amount() : due.pending());
                Map<String, String> variables = Map.of("courseTitle", course(due.courseTitle()), "amount", pending,
                        "dueDate", day(due.dueDate(), "dueDate"));
                yield () -> remind(Purpose.FEE_DUE, source, installment, student, variables, owed);
            }
            case "InstallmentOverdue" -> {
                Overdue overdue = event.payloadAs(Overdue.class, 1);
                UUID installment = IncomingEvent.uuid(overdue.installmentId(), "installmentId");
                UUID student = IncomingEvent.uuid(overdue.studentId(), "studentId");
                if (overdue.level() == null || overdue.level() < 1) {
                    throw new MalformedEvent("InstallmentOverdue without a level of 1 or more");
                }
                if (overdue.daysOverdue() == null || overdue.daysOverdue() < 0) {
                    throw new MalformedEvent("InstallmentOverdue without daysOverdue");
                }
                Map<String, String> variables = Map.of("courseTitle", course(overdue.courseTitle()),
                        "pending", rupees(overdue.pending(), "pending"), "dueDate", day(overdue.dueDate(), "dueDate"),
                        "daysOverdue", overdue.daysOverdue().toString(), "level", overdue.level().toString());
                boolean owed = !isNothing(overdue.pending());
                yield () -> remind(Purpose.FEE_OVERDUE, source, installment, student, variables, owed);
            }
            case "PaymentReceived" -> {
                Received payment = event.payloadAs(Received.class, 1);
                UUID student = IncomingEvent.uuid(payment.studentId(), "studentId");
                UUID paymentId = payment.paymentId() == null ? null : IncomingEvent.uuid(payment.paymentId(), "paymentId");
                List<UUID> paid = paidInstallments(payment.installments());
                Map<String, String> variables = Map.of("amount", rupees(payment.amount(), "amount"),
                        "receiptNumber", payment.receiptNumber() == null ? "" : payment.receiptNumber(),
                        "pending", rupees(payment.pendingAfter(), "pendingAfter"));
                String receipt = payment.receiptId() == null ? null
                        : "receipt:" + IncomingEvent.uuid(payment.receiptId(), "receiptId");
                yield () -> received(source, student, paymentId, paid, payment.receiptNumber(), variables, receipt);
            }
            case "PaymentReversed" -> {
                Reversed reversal = event.payloadAs(Reversed.class, 1);
                if (reversal.paymentId() == null) {
                    yield null;
                }
                UUID paymentId = IncomingEvent.uuid(reversal.paymentId(), "paymentId");
                yield () -> jdbc.sql("delete from installment_paid where payment_id = ?").param(paymentId).update();
            }
            default -> null;
        };
        if (effect == null) {
            return;
        }
        boolean applied = inbox.applyOnce(CONSUMER, source, effect);
        log.debug("{} {}: {}", event.type(), source, applied ? "applied" : "already applied, skipped");
    }

    /** A reminder to the student and each guardian, unless the installment is paid or nothing is owed. */
    private void remind(Purpose purpose, UUID source, UUID installment, UUID student, Map<String, String> variables,
            boolean owed) {
        if (!owed || isPaid(installment)) {
            log.info("{} for installment {} not sent: it is paid", purpose, installment);
            return;
        }
        String related = relatedKey(installment);
        int queued = 0;
        for (Recipient recipient : studentAndGuardians(student)) {
            queued += deliveries.queue(new OutgoingMessage(purpose, source, recipient,
                    with(variables, "studentName", studentName(student)), related));
        }
        log.info("{} for installment {}: {} deliveries queued", purpose, installment, queued);
    }

    private void received(UUID source, UUID student, UUID paymentId, List<UUID> paid, String receiptNumber,
            Map<String, String> variables, String receipt) {
        Timestamp now = Timestamp.from(Instant.now());
        for (UUID installment : paid) {
            jdbc.sql("""
                    insert into installment_paid (installment_id, payment_id, paid_at) values (?, ?, ?)
                    on conflict (installment_id) do update set payment_id = excluded.payment_id,
                        paid_at = excluded.paid_at""")
                    .params(installment, paymentId, now).update();
            int cancelled = deliveries.cancel(relatedKey(installment), "the installment was paid"
                    + (receiptNumber == null ? "" : " (receipt " + receiptNumber + ")"));
            if (cancelled > 0) {
                log.info("Installment {} paid: {} reminders waiting were cancelled", installment, cancelled);
            }
        }
        Directory.Contact contact = directory.contact(student).orElse(null);
        Recipient recipient = contact == null ? Recipient.user(student, null, null, null)
                : Recipient.user(student, contact.name(), contact.email(), contact.phone());
        deliveries.queue(new OutgoingMessage(Purpose.PAYMENT_RECEIPT, source, recipient,
                with(variables, "studentName", studentName(student)), receipt));
    }

    private List<Recipient> studentAndGuardians(UUID student) {
        List<Recipient> recipients = new ArrayList<>();
        Directory.Contact contact = directory.contact(student).orElse(null);
        recipients.add(contact == null ? Recipient.user(student, null, null, null)
                : Recipient.user(student, contact.name(), contact.email(), contact.phone()));
        for (Directory.Guardian guardian : directory.guardiansOf(student)) {
            recipients.add(Recipient.guardian(guardian.name(), guardian.email(), guardian.phone()));
        }
        return recipients;
    }

    private boolean isPaid(UUID installment) {
        return jdbc.sql("select count(*) from installment_paid where installment_id = ?").param(installment)
                .query(Long.class).single() > 0;
    }

    private String studentName(UUID student) {
        return directory.name(student).filter(name -> !name.isBlank()).orElse("Student");
    }

    static String relatedKey(UUID installment) {
        return "installment:" + installment;
    }

    private static List<UUID> paidInstallments(List<InstallmentAfter> installments) {
        if (installments == null) {
            return List.of();
        }
        List<UUID> paid = new ArrayList<>();
        for (InstallmentAfter installment : installments) {
            if (installment == null || installment.installmentId() == null || installment.status() == null) {
                throw new MalformedEvent("PaymentReceived with an installment without its id or status");
            }
            UUID id = IncomingEvent.uuid(installment.installmentId(), "installments.installmentId");
            if (installment.status().equals("PAID")) {
                paid.add(id);
            }
        }
        return paid;
    }

    private static Map<String, String> with(Map<String, String> variables, String name, String value) {
        Map<String, String> all = new HashMap<>(variables);
        all.put(name, value);
        return all;
    }

    private static String course(String title) {
        return title == null || title.isBlank() ? "your course" : title;
    }

    /**
     * An amount field as "18,500.00" (the templates write the currency: "Rs. {{amount}}"); one that is
     * not an amount can never be applied.
     */
    private static String rupees(String amount, String field) {
        try {
            return Rupees.plain(amount);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the payload's " + field + " is not an amount: " + e.getMessage());
        }
    }

    private static boolean isNothing(String amount) {
        try {
            return Rupees.isNothing(amount);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(e.getMessage());
        }
    }

    /** An ISO date field as "5 Jan 2027"; one that is not a date can never be applied. */
    private static String day(String date, String field) {
        if (date == null) {
            throw new MalformedEvent("the payload has no " + field);
        }
        try {
            return DAY.format(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("the payload's " + field + " is not an ISO date: " + date);
        }
    }

    /** The fields of finance-service's InstallmentDue used here. */
    record Due(String installmentId, String studentId, String courseTitle, String dueDate, String amount,
            String pending) {
    }

    /** The fields of finance-service's InstallmentOverdue used here. */
    record Overdue(String installmentId, String studentId, String courseTitle, String dueDate, String pending,
            Integer daysOverdue, Integer level) {
    }

    /** The fields of finance-service's PaymentReceived used here (installments absent in older events). */
    record Received(String paymentId, String receiptId, String receiptNumber, String studentId, String amount,
            String pendingAfter, List<InstallmentAfter> installments) {
    }

    /** One installment a payment went to, and its status after it: PAID or PARTIALLY_PAID. */
    record InstallmentAfter(String installmentId, String status) {
    }

    /** The field of finance-service's PaymentReversed used here. */
    record Reversed(String paymentId) {
    }
}
