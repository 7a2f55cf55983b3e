/** The audit trail: append-only records in one hash chain per kind, monthly partitions and retention, search and verification. */
package dev.coachos.audit.trail;
