/**
 * Fees told outside the app (e-mail, SMS, WhatsApp through the delivery log): reminders of
 * installments due and overdue to the student and their guardians, none for an installment known
 * paid (a payment cancels those still waiting), and each payment's receipt to the student.
 */
package dev.coachos.communication.fees;
