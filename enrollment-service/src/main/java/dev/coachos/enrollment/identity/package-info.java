/** What enrollment-service hears from identity-service: deactivated accounts. */
package dev.coachos.enrollment.identity;
