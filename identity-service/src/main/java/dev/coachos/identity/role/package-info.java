/** Roles as data: permissions, ranks and who may give which role. */
package dev.coachos.identity.role;
