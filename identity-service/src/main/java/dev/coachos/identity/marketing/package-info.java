/**
 * What identity-service does for marketing-service: the second step of a lead's conversion, giving
 * the lead a student account (made or linked) from its LeadConversionRequested events.
 */
package dev.coachos.identity.marketing;
