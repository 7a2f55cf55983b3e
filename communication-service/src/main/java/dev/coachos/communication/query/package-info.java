/** Support queries: a student or teacher asks, staff of their branch answer in a thread, within targets per priority. */
package dev.coachos.communication.query;
