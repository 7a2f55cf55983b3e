/**
 * What this service hears from enrollment-service: each enrollment's news, told to its student, and
 * a read model of batches and enrollments that announcements address.
 */
package dev.coachos.communication.enrollment;
