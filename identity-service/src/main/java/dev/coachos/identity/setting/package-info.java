/** The institute's settings as JSON values. */
package dev.coachos.identity.setting;
