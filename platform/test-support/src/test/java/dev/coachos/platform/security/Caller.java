package dev.coachos.platform.security;

/** Stands in for service-defaults' Caller (which this module cannot depend on): the rules know it by name. */
public record Caller(String userId) {

    public static Caller current() {
        return new Caller("someone");
    }
}
