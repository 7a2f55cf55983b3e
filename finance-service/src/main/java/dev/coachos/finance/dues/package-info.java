/** What is owed: dues per student with ageing, for a branch or every branch, and the daily reminders job. */
package dev.coachos.finance.dues;
