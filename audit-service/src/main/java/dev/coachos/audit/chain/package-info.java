/** How a record's hash is made: canonical JSON of its fields (sorted keys, no whitespace, exact numbers) and SHA-256. */
package dev.coachos.audit.chain;
