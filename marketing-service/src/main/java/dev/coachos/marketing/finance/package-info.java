/**
 * What marketing-service keeps of finance-service's events: payments by student, and whether
 * they were reversed, for the fees collected from converted leads in the campaign report.
 */
package dev.coachos.marketing.finance;
