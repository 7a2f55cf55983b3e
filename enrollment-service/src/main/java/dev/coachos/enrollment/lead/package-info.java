/**
 * Leads converted by marketing-service: the third step of a conversion, where the student account
 * identity-service made or linked is enrolled in the batch staff chose, once per lead.
 */
package dev.coachos.enrollment.lead;
