/** Announcements: staff, or a teacher for their batches, address an audience that is resolved once, at publishing, and kept. */
package dev.coachos.communication.announcement;
