/** What enrollment-service keeps of identity-service: who exists in which role and branch, and deactivations. */
package dev.coachos.enrollment.identity;
