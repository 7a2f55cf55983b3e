/** Student, teacher and staff profiles, bank details included. */
package dev.coachos.identity.profile;
