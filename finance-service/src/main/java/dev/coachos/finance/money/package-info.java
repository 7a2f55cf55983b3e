/**
 * Pure money rules for Indian coaching institutes: rounding, paise conversion, installment splits, GST, Indian
 * digit grouping, amounts in words, financial years, receipt numbers and payment references. Nothing here touches
 * Spring, a database or the network.
 */
package dev.coachos.finance.money;
