/** What this service hears from finance-service: payments, reversals, cancelled receipts and new fee plans, told to the student. */
package dev.coachos.communication.finance;
