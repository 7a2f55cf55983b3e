/** Users: accounts, their role and branch, and the events about them. */
package dev.coachos.identity.user;
