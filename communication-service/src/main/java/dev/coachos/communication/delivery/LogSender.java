package dev.coachos.communication.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channel of an unconfigured provider: writes what would be sent to the application log and
 * counts it SENT by provider {@code log}, so the whole flow can be seen locally and in tests.
 */
@Component
class LogSender {

    static final String PROVIDER = "log";
    private static final Logger log = LoggerFactory.getLogger(LogSender.class);

    ChannelSender.Outcome send(ChannelSender.Message message) {
        log.info("[{} not configured: logged, not sent] delivery {} ({}) to {}{}: {}", message.channel(), message.id(),
                message.purpose(), message.address(),
                message.subject() == null ? "" : " subject \"" + message.subject() + "\"", message.body());
        return new ChannelSender.Sent(PROVIDER, "log:" + message.id());
    }
}
