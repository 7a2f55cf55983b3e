package dev.coachos.communication.delivery;

/**
 * Why a message is sent; each has a template per channel. FEE_DUE before an installment's due date,
 * FEE_OVERDUE at each overdue level, ABSENCE_ALERT to an absent student's guardians, ABSENCE_STREAK
 * to the branch's staff and the batch's teacher after consecutive absences, PAYMENT_RECEIPT (mandatory
 * by default), QUIZ_RESULT, SALARY_PAID to a teacher or staff member whose salary (or a correction of
 * it) was paid.
 */
public enum Purpose {
    FEE_DUE, FEE_OVERDUE, ABSENCE_ALERT, ABSENCE_STREAK, PAYMENT_RECEIPT, QUIZ_RESULT, SALARY_PAID
}
