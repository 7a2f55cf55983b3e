package dev.coachos.identity.enrollment;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Keeps {@link KnownBatches} from enrollment-service's BatchCreated events, each applied once; its
 * other events are not needed here. Its own consumer group reads the topic from the start, so
 * batches opened before this read model existed arrive too (as far back as the topic keeps them).
 */
@Component
class BatchReadModel {

    static final String CONSUMER = "identity.batches";
    static final String BATCH_CREATED = "BatchCreated";
    /** The schema version of enrollment-service's events this consumer reads. */
    static final int UNDERSTOOD_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(BatchReadModel.class);

    private final Inbox inbox;
    private final KnownBatches batches;

    BatchReadModel(Inbox inbox, KnownBatches batches) {
        this.inbox = inbox;
        this.batches = batches;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "identity-service.batches")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!BATCH_CREATED.equals(event.type())) {
            return;
        }
        Opened batch = event.payloadAs(Opened.class, UNDERSTOOD_VERSION);
        if (batch.batchId() == null) {
            throw new IncomingEvent.MalformedEvent(BATCH_CREATED + " without batchId");
        }
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(),
                () -> batches.opened(batch.batchId(), batch.courseId(), batch.branchId()));
        log.debug("{} {} for batch {}: {}", event.type(), event.eventId(), batch.batchId(),
                applied ? "applied" : "already applied, skipped");
    }

    /** The parts of BatchCreated this read model keeps. */
    record Opened(UUID batchId, UUID courseId, UUID branchId) {
    }
}
