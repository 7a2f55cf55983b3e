/**
 * Payments: taken at the counter (with an Idempotency-Key) or online, allocated to a plan's
 * installments oldest first, answered with a receipt; cheques cleared or bounced; reversals that
 * undo allocations with an entry of their own, never by deleting.
 */
package dev.coachos.finance.payment;
