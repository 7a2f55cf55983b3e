/**
 * The OpenAPI document every servlet service with springdoc publishes: the gateway as its only server, a bearer
 * token scheme on protected operations, problem responses, and stable operation ids.
 */
package dev.coachos.platform.openapi;
