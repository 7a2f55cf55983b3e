/**
 * Indian identifiers more than one service checks the same way (identity-service stores a
 * branch's GSTIN, finance-service prints it on tax invoices).
 */
package dev.coachos.platform.india;
