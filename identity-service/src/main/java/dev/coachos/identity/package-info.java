/** identity-service: users, roles and permissions, profiles, branches, settings and sign-in. */
package dev.coachos.identity;
