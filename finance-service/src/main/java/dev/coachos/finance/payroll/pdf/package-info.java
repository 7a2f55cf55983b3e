/** A salary slip as an A4 PDF, in the receipts' fonts. */
package dev.coachos.finance.payroll.pdf;
