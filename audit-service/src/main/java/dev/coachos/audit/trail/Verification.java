package dev.coachos.audit.trail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@code verify} found: whether every chain it checked is intact and, if not, the first record
 * where one breaks (the earliest recorded, over all chains). One request checks what it can within
 * its budget; when that was not all of the range, {@code complete} is false and the rest is checked
 * by asking again with {@code from} set to {@code continueFrom}.
 *
 * @param checked      how many records were recomputed
 * @param complete     whether every record of the range was checked (or a break was found)
 * @param continueFrom when not complete: the instant to continue from (the first not checked)
 * @param firstBroken  the first record where a chain breaks; {@code null} when all are intact
 * @param chains       each kind's chain on its own
 */
public record Verification(boolean intact, long checked, Instant from, Instant to, boolean complete,
        Instant continueFrom, Break firstBroken, List<ChainReport> chains) {

    /**
     * One kind's chain.
     *
     * @param anchoredAfterSeq when older months were dropped: the number of the last dropped record,
     *                         whose hash (kept in an anchor) the first remaining record must name
     */
    public record ChainReport(Kind kind, boolean intact, long checked, Long anchoredAfterSeq, Break firstBroken) {
    }

    /**
     * Where a chain breaks: the record (absent when records at the chain's end are missing) and why.
     *
     * @param reason {@code CONTENT_CHANGED} (its fields no longer give its hash), {@code LINK_BROKEN} (it
     *               does not name the hash of the record before it), {@code RECORDS_MISSING} (records
     *               before it, or at the chain's end, are gone)
     */
    public record Break(UUID recordId, Kind kind, long seq, Instant recordedAt, Reason reason, String detail) {
    }

    /** Why a chain breaks at a record. */
    public enum Reason {
        CONTENT_CHANGED, LINK_BROKEN, RECORDS_MISSING
    }
}
