/** communication-service: tells people what other services did, through notifications they read in the app. */
package dev.coachos.communication;
