package dev.coachos.communication.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What providers report about a message, applied forward only: SENDING → SENT → DELIVERED, or
 * FAILED. A late or repeated status never moves a row back (DELIVERED stays DELIVERED when "sent"
 * comes after it); a provider's FAILED may follow SENT; READ counts as DELIVERED; a row FAILED with
 * "outcome unknown" that the provider says it delivered becomes DELIVERED. Each change is one
 * conditional update, so concurrent reports of one message cannot race each other backwards.
 */
@Service
public class ProviderStatuses {

    /** What a provider said. */
    public enum State {
        SENT, DELIVERED, FAILED
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ProviderStatuses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Applies one status to the delivery with this provider id, or (when the provider echoes it back)
     * with our delivery id on the provider's channel; returns whether the row changed.
     */
    @Transactional
    public boolean apply(String provider, Channel channel, String providerId, UUID deliveryId, State state,
            String error) {
        if ((providerId == null || providerId.isBlank()) && deliveryId == null) {
            return false;
        }
        String match = deliveryId == null ? "provider = :provider and provider_id = :providerId"
                : "((provider = :provider and provider_id = :providerId) or (id = :deliveryId and channel = :channel))";
        String set = switch (state) {
            case SENT -> "status = 'SENT', sent_at = coalesce(sent_at, :now)";
            case DELIVERED -> "status = 'DELIVERED', delivered_at = :now, sent_at = coalesce(sent_at, :now)";
            case FAILED -> "status = 'FAILED', failed_at = :now, last_error = :error";
        };
        // Only forward: what each status may follow.
        String condition = switch (state) {
            case SENT -> "status = 'SENDING'";
            case DELIVERED -> "(status in ('SENDING', 'SENT') or (status = 'FAILED' and last_error like 'outcome unknown%'))";
            case FAILED -> "status in ('SENDING', 'SENT')";
        };
        int changed = jdbc.sql("update delivery set " + set + ", provider = coalesce(provider, :provider),"
                + " provider_id = coalesce(provider_id, :providerId), lease_until = null, updated_at = :now"
                + " where " + condition + " and " + match)
                .param("now", Timestamp.from(clock.instant())).param("provider", provider)
                .param("providerId", providerId == null || providerId.isBlank() ? null : cut(providerId, 200))
                .param("deliveryId", deliveryId).param("channel", channel.name())
                .param("error", cut("the provider reported a failure" + (error == null || error.isBlank() ? ""
                        : ": " + error), 500))
                .update();
        return changed > 0;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
