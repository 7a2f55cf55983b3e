/**
 * Absence alerts from enrollment's attendance: an absent student's guardians hear the same day
 * (a session re-marked before the alert went cancels it), and a streak of consecutive absences in
 * a batch is told once to the branch's staff and the batch's teacher.
 */
package dev.coachos.communication.absence;
