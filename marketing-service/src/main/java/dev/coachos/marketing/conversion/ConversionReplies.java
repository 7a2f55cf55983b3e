package dev.coachos.marketing.conversion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.events.enrollment.LeadEnrolled;
import dev.coachos.events.enrollment.LeadEnrollmentRefused;
import dev.coachos.events.finance.FeePlanCreated;
import dev.coachos.events.identity.LeadAccountReady;
import dev.coachos.events.identity.LeadAccountRefused;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * The other services' answers to a conversion, each applied once (inbox) in the transaction that
 * records it: identity's account, enrollment's enrollment, finance's fee plan. Each topic is read
 * by a consumer group of its own, apart from this service's read models of the same topics.
 */
@Component
class ConversionReplies {

    static final String CONSUMER = "marketing.conversion";

    private static final Logger log = LoggerFactory.getLogger(ConversionReplies.class);

    private final Inbox inbox;
    private final Conversions conversions;

    ConversionReplies(Inbox inbox, Conversions conversions) {
        this.inbox = inbox;
        this.conversions = conversions;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "marketing-service.conversion-accounts")
    @Transactional
    void fromIdentity(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "LeadAccountReady" -> {
                LeadAccountReady ready = event.payloadAs(LeadAccountReady.class, 1);
                yield () -> conversions.accountReady(ready);
            }
            case "LeadAccountRefused" -> {
                LeadAccountRefused refused = event.payloadAs(LeadAccountRefused.class, 1);
                yield () -> conversions.accountRefused(refused);
            }
            default -> null;
        };
        apply(event, effect);
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "marketing-service.conversion-enrollments")
    @Transactional
    void fromEnrollment(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "LeadEnrolled" -> {
                LeadEnrolled enrolled = event.payloadAs(LeadEnrolled.class, 1);
                yield () -> conversions.enrolled(enrolled);
            }
            case "LeadEnrollmentRefused" -> {
                LeadEnrollmentRefused refused = event.payloadAs(LeadEnrollmentRefused.class, 1);
                yield () -> conversions.enrollmentRefused(refused);
            }
            default -> null;
        };
        apply(event, effect);
    }

    @KafkaListener(topics = Topics.FINANCE, groupId = "marketing-service.conversion-plans")
    @Transactional
    void fromFinance(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = null;
        if (event.type().equals("FeePlanCreated")) {
            FeePlanCreated plan = event.payloadAs(FeePlanCreated.class, 1);
            var enrollment = IncomingEvent.uuid(plan.enrollmentId(), "enrollmentId");
            var planId = IncomingEvent.uuid(plan.planId(), "planId");
            var student = IncomingEvent.uuid(plan.studentId(), "studentId");
            effect = () -> conversions.feePlanRaised(enrollment, planId, student);
        }
        apply(event, effect);
    }

    private void apply(IncomingEvent event, Runnable effect) {
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to conversions", event.type(), event.eventId());
        }
    }
}
