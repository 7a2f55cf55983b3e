/**
 * A lead's conversion into an enrolled student, as a choreography of events with identity,
 * enrollment and finance: each step idempotent on the lead's id, its progress on the lead.
 */
package dev.coachos.marketing.conversion;
