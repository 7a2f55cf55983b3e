/** What this service hears: every event on every coachos.<domain>.events topic, each recorded once in the audit trail. */
package dev.coachos.audit.events;
