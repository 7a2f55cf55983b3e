/** What this service hears from identity-service: a directory of users by name and role, and a welcome for every new account. */
package dev.coachos.communication.identity;
