/**
 * Receipts and tax invoices: numbered from a gap-free series per branch and financial year in the
 * payment's own transaction, taxed per line, kept as issued, served as JSON and PDF.
 */
package dev.coachos.finance.receipt;
