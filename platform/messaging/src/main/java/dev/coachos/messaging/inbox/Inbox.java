package dev.coachos.messaging.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * For a consumer that applies many events in one transaction: of these event ids, those
     * {@code consumer} has not applied before (each once, however often it is given), now recorded
     * as applied in the caller's transaction. The caller applies exactly these, in that transaction.
     */
    public Set<UUID> firstSeen(String consumer, Collection<UUID> eventIds) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Apply events inside the transaction of their effect");
        }
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        // A UUID's text is hex digits and dashes only: safe inside an array literal.
        String ids = eventIds.stream().distinct().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        return new HashSet<>(jdbc.queryForList("""
                insert into processed_event (consumer, event_id, processed_at)
                select ?, id, now() from unnest(cast(? as uuid[])) as given(id)
                on conflict do nothing returning event_id""", UUID.class, consumer, ids));
    }
}
