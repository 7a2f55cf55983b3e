/**
 * Online payment through Razorpay: payment links for installments, the signed webhook stored once
 * and applied in the background exactly once, and a reconciler that asks about links left pending.
 */
package dev.coachos.finance.online;
