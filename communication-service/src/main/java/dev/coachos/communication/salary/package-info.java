/**
 * Salaries told to the person paid: finance-service's SalaryPaid becomes a notification in the app
 * and SALARY_PAID deliveries (e-mail, SMS, WhatsApp) to the teacher or staff member, once per event.
 * An approval (SalarySlipApproved) is finance's internal step before payment and tells nobody.
 */
package dev.coachos.communication.salary;
