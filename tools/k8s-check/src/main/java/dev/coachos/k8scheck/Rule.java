package dev.coachos.k8scheck;

/** The rules of the manifest policy; each {@link Violation} names one. */
enum Rule {
    /** Every container of a Deployment or Job runs as a user other than root (runAsNonRoot, runAsUser). */
    NON_ROOT,
    /** A read-only root file system, with an emptyDir mounted at /tmp for what the JVM writes. */
    READ_ONLY_ROOT,
    /** All Linux capabilities dropped. */
    CAPABILITIES,
    /** No privilege escalation (setuid binaries and the like). */
    NO_PRIVILEGE_ESCALATION,
    /** CPU and memory requests and limits. */
    RESOURCES,
    /** Startup, liveness and readiness probes on the actuator's liveness and readiness groups (not for Jobs). */
    PROBES,
    /** A termination grace period longer than the pre-stop pause plus the service's graceful shutdown. */
    GRACEFUL_SHUTDOWN,
    /** Every image has a tag (or a digest), and the tag is not "latest". */
    IMAGE_TAG,
    /** No Secret in the repository, and no credential as a literal environment value. */
    NO_SECRET_VALUES,
    /** Every environment variable a manifest sets is one the module's code reads, and Kubernetes adds none (no service links). */
    SETTINGS_READ,
    /** A NetworkPolicy that denies everything by default. */
    DEFAULT_DENY,
    /** Every Deployment and Job has a NetworkPolicy of its own (who may call it, what it may reach). */
    OWN_NETWORK_POLICY,
    /** Production: two or more replicas, a PodDisruptionBudget and a HorizontalPodAutoscaler per service. */
    AVAILABILITY
}
