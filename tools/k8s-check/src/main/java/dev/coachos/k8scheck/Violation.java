package dev.coachos.k8scheck;

/**
 * One breach of the manifest policy: which rule, what it is about (kind/name, and the container
 * where it is one) and what is wrong, in words an operator can act on.
 */
record Violation(Rule rule, String subject, String message) {

    @Override
    public String toString() {
        return "[" + rule + "] " + subject + ": " + message;
    }
}
