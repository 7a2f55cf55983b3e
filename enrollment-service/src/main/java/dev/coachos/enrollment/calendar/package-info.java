/** The calendar: scheduled classes and added events by date range, and private iCalendar feeds. */
package dev.coachos.enrollment.calendar;
