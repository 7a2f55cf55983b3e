/** What this service hears from marketing-service: a lead's follow-up falling due, told to its assignee. */
package dev.coachos.communication.marketing;
