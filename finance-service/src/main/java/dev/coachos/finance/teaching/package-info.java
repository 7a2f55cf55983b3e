/**
 * Teacher pay from the batches they teach: each batch's money terms, who held it when, its
 * students' active periods and the sessions held, kept from enrollment-service's events, and what
 * they add up to for a teacher's month ({@link dev.coachos.finance.teaching.TeacherPay}).
 */
package dev.coachos.finance.teaching;
