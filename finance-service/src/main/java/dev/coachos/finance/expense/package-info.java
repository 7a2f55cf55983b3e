/**
 * Expenses of the institute by branch and category, optionally naming the marketing campaign they
 * were spent on: counted at once, or above a configured amount only once a manager approves them;
 * reversed, never deleted.
 */
package dev.coachos.finance.expense;
