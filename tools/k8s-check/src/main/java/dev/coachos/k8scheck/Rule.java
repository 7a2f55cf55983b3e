package dev.coachos.k8scheck;

/** The rules of the manifest policy; each {@link Violation} names one. */
enum Rule {
    /** Every container of a workload (Deployment, Job, StatefulSet, DaemonSet) runs as a user other than root (runAsNonRoot, runAsUser). */
    NON_ROOT,
    /**
     * A read-only root file system; the suite's Deployments and Jobs also an emptyDir mounted at /tmp for what
     * the JVM writes. Another image (a StatefulSet's, a DaemonSet's) may keep a writable root only when its
     * workload's annotation coachos.dev/writable-root says why.
     */
    READ_ONLY_ROOT,
    /** All Linux capabilities dropped, in every container of every workload. */
    CAPABILITIES,
    /** No privilege escalation (setuid binaries and the like), in every container of every workload. */
    NO_PRIVILEGE_ESCALATION,
    /** CPU and memory requests and limits, for every container of every workload. */
    RESOURCES,
    /**
     * The services: startup, liveness and readiness probes on the actuator's liveness and readiness groups (not
     * for Jobs). Every container of a StatefulSet or DaemonSet: a liveness and a readiness probe of any kind.
     */
    PROBES,
    /**
     * Every service container's JAVA_TOOL_OPTIONS has -XX:+UseSerialGC and -XX:+UseCompactObjectHeaders (its
     * ahead-of-time cache needs both), no other collector, and a heap ceiling as a size (-Xmx) that leaves 275 MiB
     * or more of its memory limit for what is not heap.
     */
    JVM_MEMORY,
    /**
     * A termination grace period longer than the pre-stop pause, plus two of Spring's shutdown phases (Kafka's
     * listener containers, then the web server's graceful shutdown; each may take the whole
     * timeout-per-shutdown-phase), plus the outbox relay's own 10 s stop.
     */
    GRACEFUL_SHUTDOWN,
    /**
     * Every Job is removed at most ten minutes after it finished (ttlSecondsAfterFinished): a Job's pod
     * template cannot be changed in place, so an apply that changes it fails while the old one is there.
     */
    JOB_REMOVAL,
    /**
     * Every image has a tag (or a digest), and the tag is not "latest"; in production not a -SNAPSHOT either
     * (such a tag is pushed again with every build, so it names no one image).
     */
    IMAGE_TAG,
    /**
     * No Secret in the repository; no credential in any container: a variable named like one comes from a
     * Secret, no literal value is a URL with user information, and a command-line option that takes a
     * credential (--requirepass) is given $(VARIABLE) of a variable from a Secret.
     */
    NO_SECRET_VALUES,
    /**
     * Every environment variable a manifest sets is one the module's code reads under the "kubernetes" profile
     * (not only another profile's), and Kubernetes adds none (no service links).
     */
    SETTINGS_READ,
    /**
     * Every service's containerPort is the port its module listens on under the "kubernetes" profile (the
     * default of server.port's ${X_PORT:nnnn}, or the X_PORT the container sets), and the Services that
     * select its pods send there (targetPort).
     */
    PORTS,
    /** A NetworkPolicy that denies everything by default. */
    DEFAULT_DENY,
    /**
     * Every Deployment and Job has a NetworkPolicy of its own (who may call it, what it may reach), selecting
     * its app.kubernetes.io/name; every StatefulSet and DaemonSet one selecting the labels of its own selector.
     */
    OWN_NETWORK_POLICY,
    /** Production: per service a PodDisruptionBudget and a HorizontalPodAutoscaler of two or more replicas, which alone sets the count (no replicas in the Deployment). */
    AVAILABILITY,
    /**
     * Production: the connections every pod may open at once fit PostgreSQL's max_connections: per service with a
     * database, (the autoscaler's maxReplicas + the rollout's maxSurge) x COACHOS_DB_POOL_SIZE, plus one per Job
     * pod, the superuser_reserved_connections and a reserve for the operator.
     */
    DATABASE_CONNECTIONS
}
