/**
 * What marketing keeps of other services' events: staff who may be given leads and branches leads
 * belong to (identity), and batches leads may be converted into (enrollment).
 */
package dev.coachos.marketing.directory;
