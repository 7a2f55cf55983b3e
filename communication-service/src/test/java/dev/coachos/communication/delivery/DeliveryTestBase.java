package dev.coachos.communication.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.communication.QueryTestBase;

/**
 * The delivery log's tests: messages queued as the sources queue them (in a transaction of their
 * own), and the sender drained by the test at the moments it chooses (the schedule is a day apart).
 */
@TestPropertySource(properties = {"coachos.delivery.sweep-interval=PT24H", "coachos.delivery.max-attempts=3",
        "coachos.delivery.first-backoff=PT1M"})
abstract class DeliveryTestBase extends QueryTestBase {

    static final Map<String, String> FEE_DUE = Map.of("studentName", "Asha Rao", "courseTitle", "JEE Physics",
            "amount", "1500.00", "dueDate", "10 Dec 2026");

    @Autowired
    Deliveries deliveries;
    @Autowired
    DeliverySender sender;
    @Autowired
    TransactionTemplate transactions;

    /** Each test drains only what it queued: anything an earlier test left waiting is cancelled. */
    @BeforeEach
    void nothingLeftWaiting() {
        jdbc.update("update delivery set status = 'CANCELLED', status_reason = 'left by an earlier test'"
                + " where status = 'QUEUED'");
    }

    /** Queues a message as its source would, in a transaction; returns how many rows were QUEUED. */
    int queue(Purpose purpose, UUID event, Recipient recipient, Map<String, String> variables, Channel... channels) {
        Integer queued = transactions.execute(status -> deliveries.queue(new OutgoingMessage(purpose, event, recipient,
                variables, null, channels.length == 0 ? null : Set.of(channels))));
        return queued == null ? 0 : queued;
    }

    /** The row of one event on one channel. */
    Map<String, Object> row(UUID event, Channel channel) {
        return jdbc.queryForMap("select * from delivery where source_event_id = ? and channel = ?", event,
                channel.name());
    }

    List<Map<String, Object>> rows(UUID event) {
        return jdbc.queryForList("select * from delivery where source_event_id = ? order by channel", event);
    }

    static Recipient someone(UUID user, String phone) {
        return Recipient.user(user, "Asha Rao", "asha." + user.toString().substring(0, 8) + "@example.in", phone);
    }
}
