/**
 * Messages that leave the app (e-mail, SMS, WhatsApp): templates per purpose and channel, the
 * delivery log every outgoing message is written to in the transaction of the event that caused
 * it, opt-outs and mandatory purposes, quiet hours, and the senders that drain the log.
 */
package dev.coachos.communication.delivery;
