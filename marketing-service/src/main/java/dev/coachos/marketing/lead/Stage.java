package dev.coachos.marketing.lead;

/**
 * Where a lead is in the pipeline. It moves forward, NEW → CONTACTED → QUALIFIED → NEGOTIATION →
 * CONVERTED, possibly skipping a stage (a walk-in who pays at once), never back; any open stage
 * may move to LOST (with a reason). CONVERTED and LOST are closed: nothing moves out of them.
 */
public enum Stage {
    NEW, CONTACTED, QUALIFIED, NEGOTIATION, CONVERTED, LOST;

    /** Whether the lead is still being worked on. */
    public boolean isOpen() {
        return this != CONVERTED && this != LOST;
    }

    /** Whether a lead at this stage may move to {@code next}. */
    public boolean mayMoveTo(Stage next) {
        if (!isOpen() || next == null || next == this) {
            return false;
        }
        return next == LOST || next.ordinal() > ordinal();
    }

    /**
     * Checks a move, with the reason a move to LOST needs.
     *
     * @throws IllegalArgumentException saying why the move is refused
     */
    public Stage moveTo(Stage next, String lostReason) {
        if (!mayMoveTo(next)) {
            throw new IllegalArgumentException(isOpen()
                    ? "a lead cannot move from " + this + " to " + next + ": stages only move forward, or to LOST"
                    : "a " + this + " lead is closed: it does not move any more");
        }
        if (next == LOST && (lostReason == null || lostReason.isBlank())) {
            throw new IllegalArgumentException("a lead moved to LOST needs a reason");
        }
        return next;
    }
}
