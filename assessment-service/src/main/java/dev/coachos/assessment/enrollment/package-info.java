/** What this service keeps of enrollment-service: batches and who is enrolled in which, with what status. */
package dev.coachos.assessment.enrollment;
