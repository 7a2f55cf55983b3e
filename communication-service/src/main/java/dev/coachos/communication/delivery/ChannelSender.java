package dev.coachos.communication.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends one claimed delivery through a provider. It never throws for what the provider did: it
 * answers whether the provider took the message ({@link Outcome.Sent}), surely did not
 * ({@link Outcome.Refused}: the row may be tried again) or may have ({@link Outcome.Unknown}: the
 * row is never tried again). Errors it reports name no secret.
 */
public interface ChannelSender {

    Channel channel();

    /** Whether the provider is configured; when not, the channel's deliveries go to the log channel. */
    boolean configured();

    Outcome send(Message message);

    /**
     * A claimed delivery as a provider needs it.
     *
     * @param providerTemplateId the DLT template id (SMS) or the approved template's name (WhatsApp)
     * @param templateVariables  the template's variables in order (positional parameters)
     */
    record Message(UUID id, Purpose purpose, Channel channel, String address, String recipientName, String subject,
            String body, Map<String, String> variables, String providerTemplateId, String language,
            List<String> templateVariables) {
    }

    /** What a provider did with a message. */
    sealed interface Outcome {
    }

    /** Taken: the provider's id for it (the WhatsApp wamid, MSG91's request id, the e-mail's Message-ID). */
    record Sent(String provider, String providerId) implements Outcome {
    }

    /** Surely not taken (an error answer, a connection refused): may be tried again. */
    record Refused(String error) implements Outcome {
    }

    /** Perhaps taken (no answer after the request went out): never tried again. */
    record Unknown(String error) implements Outcome {
    }
}
