package dev.coachos.messaging.inbox;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.coachos.events.Actor;
import dev.coachos.messaging.outbox.CurrentActor;

/**
 * Applies each event once per consumer. The event id is recorded in the consumer's own schema
 * in the same transaction as the effect, so a redelivered event finds its id and changes
 * nothing, and an effect that rolls back leaves no id behind.
 */
public class Inbox {

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code effect} unless {@code consumer} applied this event before; true when it ran. */
    public boolean applyOnce(String consumer, UUID eventId, Runnable effect) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Apply events inside the transaction of their effect");
        }
        int recorded = jdbc.update("""
                insert into processed_event (consumer, event_id, processed_at) values (?, ?, now())
                on conflict do nothing""", consumer, eventId);
        if (recorded == 0) {
            return false;
        }
        // Whatever the effect publishes names this event as its cause.
        CurrentActor.runAs(Actor.triggeredBy(eventId.toString()), effect);
        return true;
    }
}
