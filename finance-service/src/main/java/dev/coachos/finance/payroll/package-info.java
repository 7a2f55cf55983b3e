/**
 * Payroll: salary structures of teachers and staff (base pay, earnings and deductions, statutory EPF, ESI
 * and TDS), monthly payroll runs per branch that make a salary slip for each person with a structure or pay
 * from the branch's batches, and the slips' approval, payment and amendment, announced as
 * SalarySlipApproved and SalaryPaid. The slip's arithmetic is {@link dev.coachos.finance.payroll.SalaryMath}.
 */
package dev.coachos.finance.payroll;
