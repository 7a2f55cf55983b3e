/**
 * What finance-service keeps of identity-service: branches (receipt series, state, GSTIN) and
 * students (name, state), from identity's events; read by plans, payments and receipts.
 */
package dev.coachos.finance.directory;
