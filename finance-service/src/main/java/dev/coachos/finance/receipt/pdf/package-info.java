/**
 * The printed receipt: a tax invoice or a plain receipt laid out on A4 as a PDF, with an embedded font that carries
 * the rupee sign. Pure Java over Apache PDFBox; no Spring, no database.
 */
package dev.coachos.finance.receipt.pdf;
