package dev.coachos.communication.salary;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.delivery.Deliveries;
import dev.coachos.communication.delivery.OutgoingMessage;
import dev.coachos.communication.delivery.Purpose;
import dev.coachos.communication.delivery.Recipient;
import dev.coachos.communication.finance.Rupees;
import dev.coachos.communication.identity.Directory;
import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.messaging.inbox.IncomingEvent.MalformedEvent;

/**
 * Tells a teacher or staff member that their salary was paid, once per SalaryPaid however often it
 * arrives: a notification in the app ("Your salary for November 2026 was paid: ₹42,350.00 by bank
 * transfer, reference UTR123.") and a SALARY_PAID delivery on each channel their preferences allow,
 * to the e-mail and phone the directory keeps from identity's events. Both are written in one
 * transaction with the inbox entry. A correction (a difference paid after the month's salary was
 * paid) says the payment is an adjustment for that month; a slip that replaced an approved one before
 * it was paid is the month's salary, told as such (see {@link #adjustment}). SalarySlipApproved tells nobody: approval is finance's own step before the money
 * moves, and the person hears once, when it is paid. Listens in a consumer group of its own, beside
 * the fee notifications and messages on the same topic.
 */
@Component
class SalaryMessages {

    static final String CONSUMER = "communication.salary-messages";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private static final Logger log = LoggerFactory.getLogger(SalaryMessages.class);

    private final Inbox inbox;
    private final Notifications notifications;
    private final Deliveries deliveries;
    private final Directory directory;

    SalaryMessages(Inbox inbox, Notifications notifications, Deliveries deliveries, Directory directory) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.FINANCE, groupId = "communication-service.salary-messages")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("SalaryPaid")) {
            return;
        }
        Paid paid = event.payloadAs(Paid.class, 1);
        UUID person = IncomingEvent.uuid(paid.personId(), "personId");
        UUID slip = IncomingEvent.uuid(paid.slipId(), "slipId");
        if (paid.amends() != null) {
            IncomingEvent.uuid(paid.amends(), "amends");
        }
        boolean adjustment = adjustment(paid.correction(), paid.amends());
        String month = month(paid.month());
        Method method = Method.of(paid.method());
        String reference = paid.reference() == null || paid.reference().isBlank() ? null : paid.reference().strip();
        NewNotification notification = new NewNotification(person, adjustment ? "Salary adjustment paid" : "Salary paid",
                text(adjustment, month, rupees(paid.net(), Rupees::of), method, reference), Notification.Type.SUCCESS,
                "/salary-slips/" + slip);
        Map<String, String> variables = Map.of("payment", adjustment ? "salary adjustment" : "salary", "month", month,
                "amount", rupees(paid.net(), Rupees::plain), "method", method.word(),
                "reference", reference == null ? "none" : reference);
        UUID source = event.eventId();
        boolean applied = inbox.applyOnce(CONSUMER, source, () -> {
            notifications.send(notification);
            Directory.Contact contact = directory.contact(person).orElse(null);
            String name = contact == null || contact.name() == null || contact.name().isBlank() ? "Team member"
                    : contact.name();
            Recipient recipient = Recipient.user(person, contact == null ? null : contact.name(),
                    contact == null ? null : contact.email(), contact == null ? null : contact.phone());
            Map<String, String> all = new HashMap<>(variables);
            all.put("name", name);
            int queued = deliveries.queue(new OutgoingMessage(Purpose.SALARY_PAID, source, recipient, all,
                    "salary-slip:" + slip));
            log.info("SalaryPaid {} for slip {}: notification created, {} deliveries queued", source, slip, queued);
        });
        if (!applied) {
            log.debug("SalaryPaid {} already applied, skipped", source);
        }
    }

    /**
     * Whether the payment is an adjustment: the event's {@code correction} when it carries one (true: a
     * difference paid after the month's salary; false: the month's pay, even from a slip that amends an
     * approved one never paid); events from before it was carried say nothing, and then a slip that
     * amends another is taken for an adjustment, as it was before.
     */
    static boolean adjustment(Boolean correction, String amends) {
        return correction != null ? correction : amends != null;
    }

    /**
     * "Your salary for November 2026 was paid: ₹42,350.00 by bank transfer, reference UTR123." or, for
     * a slip that corrects a paid one, "A correction to your salary was paid: an adjustment of ₹1,200.00
     * for November 2026 by UPI, reference …".
     */
    static String text(boolean adjustment, String month, String amount, Method method, String reference) {
        String how = method.phrase() + (reference == null ? "" : ", reference " + reference) + ".";
        return adjustment
                ? "A correction to your salary was paid: an adjustment of " + amount + " for " + month + " " + how
                : "Your salary for " + month + " was paid: " + amount + " " + how;
    }

    /** How the money went, as a word for the templates and a phrase for the app; an unknown one in plain words. */
    record Method(String word, String phrase) {

        static Method of(String method) {
            if (method == null || method.isBlank()) {
                throw new MalformedEvent("SalaryPaid without its method");
            }
            return switch (method) {
                case "BANK_TRANSFER" -> new Method("bank transfer", "by bank transfer");
                case "UPI" -> new Method("UPI", "by UPI");
                case "CHEQUE" -> new Method("cheque", "by cheque");
                case "CASH" -> new Method("cash", "in cash");
                default -> {
                    String words = method.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
                    yield new Method(words, "by " + words);
                }
            };
        }
    }

    /** "2026-11" as "November 2026"; a month that does not parse can never be applied. */
    static String month(String month) {
        if (month == null) {
            throw new MalformedEvent("SalaryPaid without its month");
        }
        try {
            return MONTH.format(YearMonth.parse(month.strip()));
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("the payload's month is not an ISO year-month: " + month);
        }
    }

    /** The net amount written one way or the other; one that is not an amount can never be applied. */
    private static String rupees(String amount, UnaryOperator<String> written) {
        try {
            return written.apply(amount);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the payload's net is not an amount: " + e.getMessage());
        }
    }

    /** The fields of finance-service's SalaryPaid used here. */
    record Paid(String slipId, String personId, String month, String net, String method, String reference,
            String amends, Boolean correction) {
    }
}
