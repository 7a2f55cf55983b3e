/** What this service hears from enrollment-service: each new enrollment, confirmed to its student. */
package dev.coachos.communication.enrollment;
