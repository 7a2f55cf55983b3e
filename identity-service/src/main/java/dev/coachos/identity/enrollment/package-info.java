/** What identity-service keeps of enrollment-service: which batches exist, from its BatchCreated events. */
package dev.coachos.identity.enrollment;
