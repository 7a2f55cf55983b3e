/**
 * Teacher pay from the batches they teach: each batch's money terms, who held it when, its
 * students' active periods and the sessions held, kept from enrollment-service's events, and the
 * payees (teachers and staff) from identity-service's, in a consumer group of their own; what
 * they add up to for a teacher's month ({@link dev.coachos.finance.teaching.TeacherPay}); the
 * session rates payroll staff set and the teacher-pay preview.
 */
package dev.coachos.finance.teaching;
