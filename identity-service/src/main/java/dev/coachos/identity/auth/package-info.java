/** Signing in: tokens, refresh sessions, password resets and the first director. */
package dev.coachos.identity.auth;
