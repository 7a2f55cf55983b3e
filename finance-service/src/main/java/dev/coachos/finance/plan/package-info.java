/**
 * Fee plans and installments: raised from enrollment-service's EnrollmentCreated, ended with
 * the enrollment, re-split and waived by back office.
 */
package dev.coachos.finance.plan;
