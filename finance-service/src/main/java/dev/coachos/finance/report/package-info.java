/**
 * Finance reports: collections, dues by age, each batch's month (fees, teacher pay, overhead, margin),
 * each branch's month (income, salaries, expenses, net) and the payroll's cost by month; each as JSON
 * or CSV, each figure with a drill-down to the rows behind it that add up to it exactly. Every figure
 * is an aggregate computed in PostgreSQL; only the aggregated rows (or one page of a drill-down) come
 * into Java.
 */
package dev.coachos.finance.report;
