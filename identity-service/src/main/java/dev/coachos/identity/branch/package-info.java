/** Branches of the institute. */
package dev.coachos.identity.branch;
