/** audit-service: records every event of every service once, append-only and hash-chained, for search and verification. */
package dev.coachos.audit;
