package dev.coachos.communication.delivery;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One message to one recipient, for a purpose, caused by one event, on the channels given (all by
 * default). {@code variables} fill the templates' {{names}}; {@code relatedKey} names what may cancel it
 * before it goes (such as {@code installment:<id>}).
 */
public record OutgoingMessage(Purpose purpose, UUID sourceEventId, Recipient recipient, Map<String, String> variables,
        String relatedKey, Set<Channel> channels) {

    public OutgoingMessage {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(recipient, "recipient");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        channels = channels == null || channels.isEmpty() ? EnumSet.allOf(Channel.class) : EnumSet.copyOf(channels);
    }

    public OutgoingMessage(Purpose purpose, UUID sourceEventId, Recipient recipient, Map<String, String> variables,
            String relatedKey) {
        this(purpose, sourceEventId, recipient, variables, relatedKey, null);
    }
}
