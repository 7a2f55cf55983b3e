/** Notifications: one message for one user, stored unread, which only its owner lists and marks read. */
package dev.coachos.communication.notification;
