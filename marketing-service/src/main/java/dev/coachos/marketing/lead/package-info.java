/**
 * The rules of a lead that need no database: phone numbers in one form (E.164) whatever way they
 * were typed, and the pipeline's stages and the moves between them.
 */
package dev.coachos.marketing.lead;
