/** Leaves: students and staff ask for days off, their branch's leave managers decide, approved student leaves excuse attendance. */
package dev.coachos.communication.leave;
