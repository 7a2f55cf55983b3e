/**
 * Campaigns: what marketing runs through which channel, for a branch or for head office (no
 * branch), their status, the spend entered against them (reversed, never deleted) and the report
 * of what each campaign and each lead source brought in: leads, conversions, spend and fees.
 */
package dev.coachos.marketing.campaign;
