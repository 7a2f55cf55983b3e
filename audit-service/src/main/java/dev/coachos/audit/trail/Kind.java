package dev.coachos.audit.trail;

/**
 * The kinds of record, each kept in a hash chain and partitions of its own so that each can be
 * kept for as long as its own rule says (finance for years, logins for one year, the rest for ever).
 */
public enum Kind {
    /** Every event that is neither of the others. */
    GENERAL,
    /** Events of the finance domain: fees, receipts, salaries, expenses. */
    FINANCE,
    /** Sign-ins, sign-outs, failed sign-ins and password resets. */
    LOGIN
}
