package dev.coachos.messaging.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox's settings ({@code coachos.outbox.*}).
 *
 * @param relayEnabled whether this instance relays stored events to Kafka
 * @param pollInterval how often the relay looks for new events
 * @param batchSize    events relayed per transaction at most
 * @param maxBackoff   the longest wait between two tries of an event the broker did not take
 * @param sendTimeout  how long one send may wait for the broker's acknowledgement
 */
@ConfigurationProperties("coachos.outbox")
public record OutboxProperties(Boolean relayEnabled, Duration pollInterval, int batchSize, Duration maxBackoff,
        Duration sendTimeout) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        batchSize = batchSize <= 0 ? 500 : batchSize;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    }
}
