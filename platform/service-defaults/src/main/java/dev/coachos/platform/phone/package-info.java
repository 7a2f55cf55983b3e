/**
 * Phone numbers in one form, E.164, wherever a service stores or compares one (marketing-service's
 * leads, identity-service's guardians, communication-service's addresses).
 */
package dev.coachos.platform.phone;
