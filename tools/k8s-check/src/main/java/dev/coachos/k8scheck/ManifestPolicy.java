package dev.coachos.k8scheck;

import static dev.coachos.k8scheck.Manifest.at;
import static dev.coachos.k8scheck.Manifest.list;
import static dev.coachos.k8scheck.Manifest.map;
import static dev.coachos.k8scheck.Manifest.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's own rules for its rendered Kubernetes manifests, beyond what a schema can say: how
 * every Deployment and Job is hardened, probed, sized and stopped, how its JVM is set and how soon
 * a finished Job goes; that every other workload (StatefulSet, DaemonSet: the databases and caches
 * an overlay runs itself) is hardened, sized and probed as well; that no image floats and no secret
 * value is in the repository; that every variable a manifest sets is one the code reads, and every
 * port one it listens on; the network policies; and, for production, the replicas, disruption
 * budgets and autoscalers, release tags, and room in the database for every pod's connections.
 * {@link #check} lists every breach; an empty list means the manifests pass.
 */
final class ManifestPolicy {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    /** The pod default when a manifest sets no grace period. */
    private static final int DEFAULT_GRACE_SECONDS = 30;
    /** The variable every service with a database takes its pool size from (Hikari's maximum-pool-size). */
    static final String POOL_SIZE = "COACHOS_DB_POOL_SIZE";
    /** PostgreSQL's max_connections and superuser_reserved_connections when the Cluster does not set them. */
    private static final int DEFAULT_MAX_CONNECTIONS = 100;
    private static final int DEFAULT_SUPERUSER_RESERVED = 3;
    /**
     * Connections kept free beyond the suite's own: CloudNativePG's instance manager and its checks,
     * and an administrator's psql session or two.
     */
    static final int OPERATOR_CONNECTIONS = 10;
    /** What a service's memory limit must keep free beside its heap: metaspace, code, threads, buffers. */
    static final long MIN_NON_HEAP_MIB = 275;
    /** The JVM flags every service runs with: its ahead-of-time cache is only usable with them. */
    static final List<String> REQUIRED_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders");
    private static final Pattern MAX_HEAP = Pattern.compile("-Xmx(\\d+[kKmMgG]?)|-XX:MaxHeapSize=(\\d+[kKmMgG]?)");
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?");
    /** Shutdown phases a service may spend the whole timeout-per-shutdown-phase in: Kafka's listener containers, the web server. */
    static final int TIMED_SHUTDOWN_PHASES = 2;
    /** The outbox relay loop's stop, which waits up to this long for its thread and is not timed by Spring. */
    static final long OWN_STOP_SECONDS = 10;
    /** How long a finished Job may stay before Kubernetes removes it. */
    static final long MAX_JOB_TTL_SECONDS = 600;
    /**
     * A workload annotation that lets a container of another image than the suite's keep a writable
     * root file system; its value says why (the image writes its configuration at start, say).
     */
    static final String WRITABLE_ROOT = "coachos.dev/writable-root";
    /** Names that hold a credential: such a variable must come from a Secret, never a literal or a ConfigMap. */
    private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|AUTH_KEY|KEY_ID).*|(.*_)?AUTH");
    /** A URL with user information ({@code redis://:password@host}, {@code https://user:password@host}). */
    private static final Pattern URL_WITH_CREDENTIALS = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\\s]+@");
    /** A command-line option that takes a credential: --requirepass, --masterauth, --password, --api-token... */
    private static final Pattern CREDENTIAL_OPTION = Pattern.compile(
            "--?(requirepass|masterauth|pass|[a-z-]*(password|secret|token))", Pattern.CASE_INSENSITIVE);
    /** Kubernetes' reference to one of the container's variables in its command or arguments. */
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final ModuleFacts.Lookup modules;

    ManifestPolicy(ModuleFacts.Lookup modules) {
        this.modules = modules;
    }

    /**
     * Every breach in one overlay's rendered manifests.
     *
     * @param production whether the production rules apply: availability (replicas, PDB, HPA), no
     *                   SNAPSHOT image, the database connections
     */
    List<Violation> check(List<Manifest> manifests, boolean production) {
        List<Violation> violations = new ArrayList<>();
        List<Manifest> policies = manifests.stream().filter(m -> "NetworkPolicy".equals(m.kind())).toList();
        for (Manifest manifest : manifests) {
            switch (Objects.requireNonNullElse(manifest.kind(), "")) {
                case "Deployment" -> {
                    workload(manifest, true, violations);
                    ports(manifest, manifests, violations);
                    ownNetworkPolicy(manifest, policies, violations);
                    if (production) {
                        availability(manifest, manifests, violations);
                    }
                }
                case "Job" -> {
                    workload(manifest, false, violations);
                    ownNetworkPolicy(manifest, policies, violations);
                    jobRemoval(manifest, violations);
                }
                case "StatefulSet", "DaemonSet" -> infrastructure(manifest, policies, violations);
                case "Secret" -> violations.add(new Violation(Rule.NO_SECRET_VALUES, manifest.id(),
                        "a Secret is in the repository; create it in the cluster (k8s/README.md) and refer to it"));
                default -> { }
            }
            // Images of every kind of pod (also the local overlay's StatefulSets) are pinned, and
            // no credential is written into any of them.
            for (Map<String, Object> container : containers(manifest)) {
                image(manifest.id(), container, production, violations);
                credentials(manifest.id() + " container " + text(container, "name"), container, violations);
            }
        }
        if (production) {
            connections(manifests, violations);
        }
        if (policies.stream().noneMatch(ManifestPolicy::deniesEverything)) {
            violations.add(new Violation(Rule.DEFAULT_DENY, "NetworkPolicy",
                    "no default-deny policy (podSelector {}, policyTypes Ingress and Egress, no rules)"));
        }
        return violations;
    }

    private void workload(Manifest workload, boolean service, List<Violation> violations) {
        Map<String, Object> pod = map(workload.body(), "spec", "template", "spec");
        Optional<ModuleFacts> module = Optional.ofNullable(workloadName(workload)).flatMap(modules::forWorkload);
        if (module.isEmpty()) {
            violations.add(new Violation(Rule.SETTINGS_READ, workload.id(),
                    "its " + NAME_LABEL + " label names no module of the repository, so its settings cannot be checked"));
        }
        // Kubernetes would otherwise add <SERVICE>_PORT=tcp://... for every Service in the namespace:
        // GATEWAY_PORT for the Service "gateway" is the gateway's own port setting.
        if (!Boolean.FALSE.equals(at(pod, "enableServiceLinks"))) {
            violations.add(new Violation(Rule.SETTINGS_READ, workload.id(), "needs enableServiceLinks: false; the variables "
                    + "Kubernetes adds for each Service (GATEWAY_PORT=tcp://...) clash with settings the code reads"));
        }
        List<Map<String, Object>> containers = containers(workload);
        hardening(workload, true, violations);
        for (Map<String, Object> container : containers) {
            String subject = workload.id() + " container " + text(container, "name");
            if (!tmpIsEmptyDir(pod, container)) {
                violations.add(new Violation(Rule.READ_ONLY_ROOT, subject, "needs an emptyDir volume mounted at /tmp"));
            }
            if (service) {
                probes(subject, container, violations);
                if (list(pod, "containers").contains(container)) {
                    jvm(subject, container, violations);
                }
            }
            module.ifPresent(facts -> settings(subject, container, facts, violations));
        }
        if (service) {
            module.map(ModuleFacts::shutdownTimeout).ifPresent(timeout -> grace(workload, pod, containers, timeout, violations));
        }
    }

    /**
     * A workload the overlay runs from another image than the suite's (a database, a cache): the
     * same hardening and bounds as the services, a liveness and a readiness probe of whatever kind
     * suits it, and a NetworkPolicy that selects exactly its pods. A writable root is allowed only
     * with the annotation {@value #WRITABLE_ROOT} saying why; /tmp is its own business.
     */
    private static void infrastructure(Manifest workload, List<Manifest> policies, List<Violation> violations) {
        hardening(workload, false, violations);
        for (Object container : list(map(workload.body(), "spec", "template", "spec"), "containers")) {
            String subject = workload.id() + " container " + text(container, "name");
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                if (map(container, probe).isEmpty()) {
                    violations.add(new Violation(Rule.PROBES, subject, "needs a " + probe));
                }
            }
        }
        Map<String, Object> selector = map(workload.body(), "spec", "selector", "matchLabels");
        if (selector.isEmpty() || !ownedPolicy(policies, selector)) {
            violations.add(new Violation(Rule.OWN_NETWORK_POLICY, workload.id(), "no NetworkPolicy of its own (podSelector "
                    + "matchLabels " + selector + ", its selector's, and policyTypes Ingress and Egress)"));
        }
    }

    /** What every container needs, whatever it runs: a user other than root, a read-only root, no capabilities, bounds. */
    private static void hardening(Manifest workload, boolean suiteImage, List<Violation> violations) {
        Map<String, Object> pod = map(workload.body(), "spec", "template", "spec");
        Map<String, Object> podSecurity = map(pod, "securityContext");
        String writableRoot = suiteImage ? null : text(workload.body(), "metadata", "annotations", WRITABLE_ROOT);
        boolean writableRootExplained = writableRoot != null && !writableRoot.isBlank();
        List<Map<String, Object>> containers = containers(workload);
        if (containers.isEmpty()) {
            violations.add(new Violation(Rule.RESOURCES, workload.id(), "no containers"));
        }
        for (Map<String, Object> container : containers) {
            String subject = workload.id() + " container " + text(container, "name");
            Map<String, Object> security = map(container, "securityContext");
            boolean nonRoot = Boolean.TRUE.equals(firstNonNull(at(security, "runAsNonRoot"), at(podSecurity, "runAsNonRoot")));
            Object user = firstNonNull(at(security, "runAsUser"), at(podSecurity, "runAsUser"));
            if (!nonRoot || !(user instanceof Number number) || number.longValue() == 0) {
                violations.add(new Violation(Rule.NON_ROOT, subject, "needs runAsNonRoot: true and a runAsUser other than 0"));
            }
            if (!Boolean.TRUE.equals(at(security, "readOnlyRootFilesystem")) && !writableRootExplained) {
                violations.add(new Violation(Rule.READ_ONLY_ROOT, subject, "needs readOnlyRootFilesystem: true"
                        + (suiteImage ? "" : " (or the workload's annotation " + WRITABLE_ROOT + " saying why it cannot)")));
            }
            if (!list(security, "capabilities", "drop").contains("ALL")) {
                violations.add(new Violation(Rule.CAPABILITIES, subject, "needs capabilities.drop: [ALL]"));
            }
            if (!Boolean.FALSE.equals(at(security, "allowPrivilegeEscalation"))) {
                violations.add(new Violation(Rule.NO_PRIVILEGE_ESCALATION, subject, "needs allowPrivilegeEscalation: false"));
            }
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (at(container, "resources", bound, resource) == null) {
                        violations.add(new Violation(Rule.RESOURCES, subject, "no " + bound + "." + resource));
                    }
                }
            }
        }
    }

    private static void probes(String subject, Map<String, Object> container, List<Violation> violations) {
        String startup = text(container, "startupProbe", "httpGet", "path");
        String liveness = text(container, "livenessProbe", "httpGet", "path");
        String readiness = text(container, "readinessProbe", "httpGet", "path");
        if (!LIVENESS.equals(startup) && !READINESS.equals(startup)) {
            violations.add(new Violation(Rule.PROBES, subject, "needs a startupProbe on " + LIVENESS + " (or " + READINESS + ")"));
        }
        if (!LIVENESS.equals(liveness)) {
            violations.add(new Violation(Rule.PROBES, subject, "needs a livenessProbe on " + LIVENESS));
        }
        if (!READINESS.equals(readiness)) {
            violations.add(new Violation(Rule.PROBES, subject, "needs a readinessProbe on " + READINESS));
        }
    }

    /**
     * A finished Job is removed within {@value #MAX_JOB_TTL_SECONDS} s: its pod template cannot be
     * changed in place, so while it is there an apply that changes its settings or its image fails
     * ("field is immutable").
     */
    private static void jobRemoval(Manifest job, List<Violation> violations) {
        Object ttl = at(job.body(), "spec", "ttlSecondsAfterFinished");
        if (!(ttl instanceof Number seconds) || seconds.longValue() > MAX_JOB_TTL_SECONDS) {
            violations.add(new Violation(Rule.JOB_REMOVAL, job.id(), "ttlSecondsAfterFinished is " + ttl + "; at most "
                    + MAX_JOB_TTL_SECONDS + " s, or the next apply that changes the Job fails until it is gone"));
        }
    }

    /**
     * The grace period must be longer than the longest a pod may take to stop: the pre-stop pause
     * (a "sleep N"), then Spring's shutdown. Spring stops its lifecycle beans phase by phase and
     * gives each phase the whole spring.lifecycle.timeout-per-shutdown-phase; a service waits in
     * {@value #TIMED_SHUTDOWN_PHASES} of them (the Kafka listener containers, phase MAX_VALUE - 100,
     * then the web server's graceful shutdown, MAX_VALUE - 1024). Before them the outbox relay stops
     * on its own bound of {@value #OWN_STOP_SECONDS} s (it waits for its round, not timed by Spring).
     */
    private static void grace(Manifest workload, Map<String, Object> pod, List<Map<String, Object>> containers,
            Duration shutdown, List<Violation> violations) {
        Object configured = at(pod, "terminationGracePeriodSeconds");
        long grace = configured instanceof Number number ? number.longValue() : DEFAULT_GRACE_SECONDS;
        long pause = containers.stream().mapToLong(ManifestPolicy::preStopSleepSeconds).max().orElse(0);
        long needed = pause + TIMED_SHUTDOWN_PHASES * shutdown.toSeconds() + OWN_STOP_SECONDS;
        if (grace <= needed) {
            violations.add(new Violation(Rule.GRACEFUL_SHUTDOWN, workload.id(), "terminationGracePeriodSeconds " + grace
                    + " must be longer than " + needed + " s: the pre-stop pause (" + pause + " s), "
                    + TIMED_SHUTDOWN_PHASES + " shutdown phases of " + shutdown.toSeconds() + " s each (Kafka listeners, "
                    + "the web server) and the outbox relay's own stop (" + OWN_STOP_SECONDS + " s)"));
        }
    }

    /**
     * Every container of a service declares the port its module listens on under the "kubernetes"
     * profile (server.port: the default of its ${X_PORT:nnnn}, or the value the container sets for
     * X_PORT), and every Service that selects its pods sends there (targetPort, by name or number).
     */
    private void ports(Manifest deployment, List<Manifest> manifests, List<Violation> violations) {
        Optional<ModuleFacts.Port> listens = Optional.ofNullable(workloadName(deployment)).flatMap(modules::forWorkload)
                .map(ModuleFacts::port);
        if (listens.isEmpty()) {
            return;
        }
        Map<String, Object> pod = map(deployment.body(), "spec", "template", "spec");
        Map<String, Integer> named = new HashMap<>();
        Integer expected = null;
        for (Object container : list(pod, "containers")) {
            String subject = deployment.id() + " container " + text(container, "name");
            Integer port = listeningPort(subject, container, listens.get(), violations);
            expected = expected == null ? port : expected;
            List<Object> declared = list(container, "ports");
            if (declared.isEmpty()) {
                violations.add(new Violation(Rule.PORTS, subject, "declares no containerPort; it listens on " + port));
            }
            for (Object declaration : declared) {
                Object number = at(declaration, "containerPort");
                if (text(declaration, "name") != null && number instanceof Number n) {
                    named.put(text(declaration, "name"), n.intValue());
                }
                if (port != null && !(number instanceof Number n && n.intValue() == port)) {
                    violations.add(new Violation(Rule.PORTS, subject, "containerPort " + number + ", but the module listens on "
                            + port + " under the " + ModuleFacts.PROFILE + " profile" + how(listens.get())));
                }
            }
        }
        if (expected == null) {
            return;
        }
        Map<String, Object> labels = map(deployment.body(), "spec", "template", "metadata", "labels");
        for (Manifest service : manifests) {
            Map<String, Object> selector = map(service.body(), "spec", "selector");
            if (!"Service".equals(service.kind()) || selector.isEmpty()
                    || !selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
                continue;
            }
            for (Object servicePort : list(service.body(), "spec", "ports")) {
                Object target = firstNonNull(at(servicePort, "targetPort"), at(servicePort, "port"));
                Integer reaches = target instanceof Number n ? Integer.valueOf(n.intValue()) : named.get(String.valueOf(target));
                if (!expected.equals(reaches)) {
                    violations.add(new Violation(Rule.PORTS, service.id(), "port " + at(servicePort, "port") + " sends to "
                            + target + (reaches == null || target instanceof Number ? "" : " (" + reaches + ")") + ", but "
                            + deployment.id() + " listens on " + expected));
                }
            }
        }
    }

    /** The port a container's module listens on: the variable's value where the container sets it, else its default. */
    private static Integer listeningPort(String subject, Object container, ModuleFacts.Port listens, List<Violation> violations) {
        if (listens.variable() == null) {
            return listens.defaultPort();
        }
        for (Object entry : list(container, "env")) {
            if (!listens.variable().equals(text(entry, "name"))) {
                continue;
            }
            String value = text(entry, "value");
            if (value == null || !value.strip().matches("\\d+")) {
                violations.add(new Violation(Rule.PORTS, subject, listens.variable() + " must be a port given as a value "
                        + "here, so that its containerPort can be checked against it"));
                return null;
            }
            return Integer.parseInt(value.strip());
        }
        return listens.defaultPort();
    }

    private static String how(ModuleFacts.Port listens) {
        return listens.variable() == null ? "" : " (" + listens.variable() + ", default " + listens.defaultPort() + ")";
    }

    /**
     * A service's JAVA_TOOL_OPTIONS: the serial collector and compact object headers and no other
     * collector (the image's command line fixes the serial one, which its ahead-of-time cache was
     * trained with; a second collector stops the JVM from starting), and a heap ceiling as a size
     * (-Xmx, -XX:MaxHeapSize) that leaves at least {@value #MIN_NON_HEAP_MIB} MiB of the memory limit,
     * the most measured beside the heap (a percentage would leave the room unknown here).
     */
    private static void jvm(String subject, Map<String, Object> container, List<Violation> violations) {
        Object entry = list(container, "env").stream().filter(e -> "JAVA_TOOL_OPTIONS".equals(text(e, "name"))).findFirst().orElse(null);
        String options = text(entry, "value");
        if (options == null) {
            violations.add(new Violation(Rule.JVM_MEMORY, subject, "needs JAVA_TOOL_OPTIONS as a value, with " + REQUIRED_JVM_FLAGS
                    + " and -Xmx"));
            return;
        }
        List<String> flags = List.of(options.strip().split("\\s+"));
        for (String flag : REQUIRED_JVM_FLAGS) {
            String off = flag.replace("-XX:+", "-XX:-");
            if (flags.lastIndexOf(flag) < 0 || flags.lastIndexOf(off) > flags.lastIndexOf(flag)) {
                violations.add(new Violation(Rule.JVM_MEMORY, subject, "JAVA_TOOL_OPTIONS needs " + flag
                        + " (the ahead-of-time caches are only usable with it)"));
            }
        }
        for (String flag : flags) {
            if (flag.matches("-XX:\\+Use\\w+GC") && !flag.equals("-XX:+UseSerialGC")) {
                violations.add(new Violation(Rule.JVM_MEMORY, subject, "JAVA_TOOL_OPTIONS names another collector, " + flag
                        + ": the image runs the serial one (-XX:+UseSerialGC on its command line), and the JVM refuses two"));
            }
        }
        Long heap = null;
        for (String flag : flags) {
            Matcher matcher = MAX_HEAP.matcher(flag);
            if (matcher.matches()) {
                heap = jvmBytes(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        Long limit = bytes(text(container, "resources", "limits", "memory"));
        if (heap == null) {
            violations.add(new Violation(Rule.JVM_MEMORY, subject, "JAVA_TOOL_OPTIONS needs a heap ceiling as a size (-Xmx), "
                    + "so that the room it leaves for what is not heap is known"));
        } else if (limit != null && limit - heap < MIN_NON_HEAP_MIB << 20) {
            violations.add(new Violation(Rule.JVM_MEMORY, subject, "a heap of " + (heap >> 20) + " MiB leaves "
                    + ((limit - heap) >> 20) + " MiB of the " + (limit >> 20) + " MiB limit; what is not heap needs "
                    + MIN_NON_HEAP_MIB + " MiB or more"));
        }
    }

    /** A JVM size: bytes, or k, m, g (either case). */
    private static long jvmBytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        return Long.parseLong(digits) << shift;
    }

    /** A Kubernetes memory quantity (512Mi, 1Gi, 800M, 268435456) in bytes, or null if there is none or it cannot be read. */
    static Long bytes(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity == null ? "" : quantity.strip());
        if (!matcher.matches()) {
            return null;
        }
        double number = Double.parseDouble(matcher.group(1));
        double factor = switch (matcher.group(2) == null ? "" : matcher.group(2)) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "k" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "T" -> 1e12;
            default -> 1;
        };
        return (long) (number * factor);
    }

    private static long preStopSleepSeconds(Map<String, Object> container) {
        Object seconds = at(container, "lifecycle", "preStop", "sleep", "seconds");
        if (seconds instanceof Number number) {
            return number.longValue();
        }
        List<Object> command = list(container, "lifecycle", "preStop", "exec", "command");
        if (command.size() == 2 && "sleep".equals(command.get(0)) && command.get(1).toString().matches("\\d+")) {
            return Long.parseLong(command.get(1).toString());
        }
        return 0;
    }

    private static void settings(String subject, Map<String, Object> container, ModuleFacts facts, List<Violation> violations) {
        for (Object entry : list(container, "env")) {
            String name = text(entry, "name");
            if (name == null) {
                continue;
            }
            if (!ModuleFacts.PLATFORM_VARIABLES.contains(name) && !facts.variables().contains(name)) {
                violations.add(new Violation(Rule.SETTINGS_READ, subject, name + " is set, but " + facts.module()
                        + " never reads it under the " + ModuleFacts.PROFILE + " profile (not in application.yml's documents for it, "
                        + "application-" + ModuleFacts.PROFILE + ".yml, nor the platform it builds on)"));
            }
        }
        if (!list(container, "envFrom").isEmpty()) {
            violations.add(new Violation(Rule.SETTINGS_READ, subject,
                    "envFrom sets variables that cannot be checked here; name each variable under env"));
        }
    }

    /**
     * No credential in a container's definition: a variable named like one (*_PASSWORD, *_SECRET,
     * *_TOKEN...) comes from a Secret, not from a literal or a ConfigMap; no literal value is a URL
     * with user information (a password, for Redis even a bare one); and a command-line option
     * that takes a credential (--requirepass) is given $(VARIABLE) of a variable from a Secret.
     */
    private static void credentials(String subject, Map<String, Object> container, List<Violation> violations) {
        Set<String> fromSecrets = new HashSet<>();
        for (Object entry : list(container, "env")) {
            String name = text(entry, "name");
            boolean fromSecret = at(entry, "valueFrom", "secretKeyRef") != null;
            if (name != null && fromSecret) {
                fromSecrets.add(name);
            }
            if (name != null && CREDENTIAL.matcher(name).matches() && (at(entry, "value") != null || !fromSecret)) {
                String source = at(entry, "value") != null ? "a literal value"
                        : at(entry, "valueFrom", "configMapKeyRef") != null ? "a ConfigMap (its values are not kept secret)"
                        : "anywhere else";
                violations.add(new Violation(Rule.NO_SECRET_VALUES, subject,
                        name + " is a credential: take it from a Secret (valueFrom.secretKeyRef), not from " + source));
            }
            String value = text(entry, "value");
            if (value != null && URL_WITH_CREDENTIALS.matcher(value).find()) {
                violations.add(new Violation(Rule.NO_SECRET_VALUES, subject, name + " is a URL with credentials in it: "
                        + "take the whole URL from a Secret (valueFrom.secretKeyRef)"));
            }
        }
        List<String> arguments = new ArrayList<>();
        for (String key : List.of("command", "args")) {
            list(container, key).forEach(argument -> arguments.add(String.valueOf(argument)));
        }
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            int equals = argument.indexOf('=');
            String option = equals < 0 ? argument : argument.substring(0, equals);
            if (!CREDENTIAL_OPTION.matcher(option).matches()) {
                continue;
            }
            String given = equals >= 0 ? argument.substring(equals + 1) : i + 1 < arguments.size() ? arguments.get(i + 1) : null;
            Matcher reference = VARIABLE_REFERENCE.matcher(given == null ? "" : given);
            if (given != null && !(reference.matches() && fromSecrets.contains(reference.group(1)))) {
                violations.add(new Violation(Rule.NO_SECRET_VALUES, subject, option + " takes a credential: give it $(VARIABLE)"
                        + " of a variable from a Secret (valueFrom.secretKeyRef), not " + given));
            }
        }
    }

    private static void image(String subject, Map<String, Object> container, boolean production, List<Violation> violations) {
        String image = text(container, "image");
        if (image == null) {
            violations.add(new Violation(Rule.IMAGE_TAG, subject, "a container without an image"));
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            violations.add(new Violation(Rule.IMAGE_TAG, subject, image + " has no tag (it would mean latest)"));
        } else if ("latest".equals(last.substring(colon + 1))) {
            violations.add(new Violation(Rule.IMAGE_TAG, subject, image + " uses the tag latest"));
        } else if (production && last.substring(colon + 1).toUpperCase(Locale.ROOT).endsWith("-SNAPSHOT")) {
            violations.add(new Violation(Rule.IMAGE_TAG, subject, image + " is a SNAPSHOT, pushed again with every build; "
                    + "production needs a release tag (images: in its kustomization.yaml)"));
        }
    }

    private static boolean tmpIsEmptyDir(Map<String, Object> pod, Map<String, Object> container) {
        for (Object mount : list(container, "volumeMounts")) {
            if ("/tmp".equals(text(mount, "mountPath"))) {
                String volume = text(mount, "name");
                return list(pod, "volumes").stream()
                        .anyMatch(v -> Objects.equals(volume, text(v, "name")) && at(v, "emptyDir") != null);
            }
        }
        return false;
    }

    private static void ownNetworkPolicy(Manifest workload, List<Manifest> policies, List<Violation> violations) {
        String name = workloadName(workload);
        boolean own = name != null && ownedPolicy(policies, Map.of(NAME_LABEL, name));
        if (!own) {
            violations.add(new Violation(Rule.OWN_NETWORK_POLICY, workload.id(), "no NetworkPolicy of its own (podSelector "
                    + NAME_LABEL + ": " + name + ", policyTypes Ingress and Egress)"));
        }
    }

    /** Whether a policy selects pods by exactly these labels and rules both their ingress and their egress. */
    private static boolean ownedPolicy(List<Manifest> policies, Map<String, Object> labels) {
        return policies.stream().anyMatch(policy -> map(policy.body(), "spec", "podSelector", "matchLabels").equals(labels)
                && list(policy.body(), "spec", "policyTypes").containsAll(List.of("Ingress", "Egress")));
    }

    private static boolean deniesEverything(Manifest policy) {
        Map<String, Object> spec = map(policy.body(), "spec");
        return map(spec, "podSelector").isEmpty()
                && Set.copyOf(list(spec, "policyTypes")).equals(Set.of("Ingress", "Egress"))
                && list(spec, "ingress").isEmpty() && list(spec, "egress").isEmpty();
    }

    private static void availability(Manifest deployment, List<Manifest> manifests, List<Violation> violations) {
        String name = workloadName(deployment);
        Object replicas = at(deployment.body(), "spec", "replicas");
        if (replicas != null) {
            violations.add(new Violation(Rule.AVAILABILITY, deployment.id(), "sets replicas (" + replicas
                    + "), which every apply would set back below what its autoscaler chose; leave the count to the autoscaler"));
        }
        Map<String, Object> selector = map(deployment.body(), "spec", "selector", "matchLabels");
        boolean budget = manifests.stream().anyMatch(m -> "PodDisruptionBudget".equals(m.kind())
                && map(m.body(), "spec", "selector", "matchLabels").equals(selector)
                && (at(m.body(), "spec", "minAvailable") != null || at(m.body(), "spec", "maxUnavailable") != null));
        if (!budget) {
            violations.add(new Violation(Rule.AVAILABILITY, deployment.id(), "no PodDisruptionBudget selects it"));
        }
        boolean autoscaler = manifests.stream().anyMatch(m -> "HorizontalPodAutoscaler".equals(m.kind())
                && "Deployment".equals(text(m.body(), "spec", "scaleTargetRef", "kind"))
                && Objects.equals(deployment.name(), text(m.body(), "spec", "scaleTargetRef", "name"))
                && at(m.body(), "spec", "minReplicas") instanceof Number min && min.intValue() >= 2);
        if (!autoscaler) {
            violations.add(new Violation(Rule.AVAILABILITY, deployment.id(),
                    "no HorizontalPodAutoscaler scales it with minReplicas of two or more (" + name + ")"));
        }
    }

    /**
     * Production: every pod that may run at once, each with its full pool, fits the database. Per
     * service with a database: (its autoscaler's maxReplicas, or its replicas, plus the rollout's
     * maxSurge) x its pool size (COACHOS_DB_POOL_SIZE as the container sets it, or the module's
     * default); plus one connection per Job pod (the bootstrap), the superuser_reserved_connections
     * and {@value #OPERATOR_CONNECTIONS} for the operator; at most the Cluster's max_connections.
     */
    private void connections(List<Manifest> manifests, List<Violation> violations) {
        Optional<Manifest> cluster = manifests.stream()
                .filter(m -> "Cluster".equals(m.kind()) && String.valueOf(text(m.body(), "apiVersion")).startsWith("postgresql.cnpg.io/"))
                .findFirst();
        if (cluster.isEmpty()) {
            return;
        }
        Map<String, Object> parameters = map(cluster.get().body(), "spec", "postgresql", "parameters");
        int max = integer(at(parameters, "max_connections"), DEFAULT_MAX_CONNECTIONS);
        int reserved = integer(at(parameters, "superuser_reserved_connections"), DEFAULT_SUPERUSER_RESERVED);
        long total = reserved + OPERATOR_CONNECTIONS;
        List<String> parts = new ArrayList<>();
        for (Manifest deployment : manifests) {
            if (!"Deployment".equals(deployment.kind())) {
                continue;
            }
            Optional<ModuleFacts> module = Optional.ofNullable(workloadName(deployment)).flatMap(modules::forWorkload);
            if (module.isEmpty() || !module.get().variables().contains(POOL_SIZE)) {
                continue;
            }
            int pods = maxPods(deployment, manifests);
            Integer pool = poolSize(deployment, module.get(), manifests, violations);
            if (pool == null) {
                continue;
            }
            total += (long) pods * pool;
            parts.add(deployment.name() + " " + pods + " x " + pool);
        }
        for (Manifest job : manifests) {
            if ("Job".equals(job.kind())) {
                int pods = integer(at(job.body(), "spec", "parallelism"), 1);
                total += pods;
                parts.add(job.name() + " " + pods);
            }
        }
        if (total > max) {
            violations.add(new Violation(Rule.DATABASE_CONNECTIONS, cluster.get().id(), "max_connections " + max
                    + " is less than the " + total + " connections the suite may open: " + String.join(", ", parts)
                    + ", " + reserved + " superuser_reserved_connections, " + OPERATOR_CONNECTIONS + " for the operator"));
        }
    }

    /** The most pods a Deployment may have at once: its autoscaler's maxReplicas (else its replicas) plus the rollout's surge. */
    private static int maxPods(Manifest deployment, List<Manifest> manifests) {
        int replicas = manifests.stream().filter(m -> "HorizontalPodAutoscaler".equals(m.kind())
                        && Objects.equals(deployment.name(), text(m.body(), "spec", "scaleTargetRef", "name")))
                .map(m -> integer(at(m.body(), "spec", "maxReplicas"), 1)).findFirst()
                .orElse(integer(at(deployment.body(), "spec", "replicas"), 1));
        if ("Recreate".equals(text(deployment.body(), "spec", "strategy", "type"))) {
            return replicas;
        }
        Object surge = firstNonNull(at(deployment.body(), "spec", "strategy", "rollingUpdate", "maxSurge"), "25%");
        String text = surge.toString().strip();
        int extra = text.endsWith("%")
                ? (int) Math.ceil(replicas * Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0)
                : Integer.parseInt(text);
        return replicas + extra;
    }

    /** COACHOS_DB_POOL_SIZE as the container sets it (a value or a ConfigMap's key), else the module's default. */
    private static Integer poolSize(Manifest deployment, ModuleFacts module, List<Manifest> manifests, List<Violation> violations) {
        for (Map<String, Object> container : containers(deployment)) {
            for (Object entry : list(container, "env")) {
                if (!POOL_SIZE.equals(text(entry, "name"))) {
                    continue;
                }
                String value = text(entry, "value");
                Map<String, Object> reference = map(entry, "valueFrom", "configMapKeyRef");
                if (value == null && !reference.isEmpty()) {
                    value = manifests.stream().filter(m -> "ConfigMap".equals(m.kind()) && Objects.equals(m.name(), text(reference, "name")))
                            .map(m -> text(m.body(), "data", text(reference, "key"))).filter(Objects::nonNull).findFirst().orElse(null);
                }
                if (value == null || !value.strip().matches("\\d+")) {
                    violations.add(new Violation(Rule.DATABASE_CONNECTIONS, deployment.id(), POOL_SIZE + " is " + value
                            + "; give it a number, as a value or from a ConfigMap of these manifests, so that the connections can be counted"));
                    return null;
                }
                return Integer.parseInt(value.strip());
            }
        }
        String fallback = module.defaults().get(POOL_SIZE);
        if (fallback == null || !fallback.matches("\\d+")) {
            violations.add(new Violation(Rule.DATABASE_CONNECTIONS, deployment.id(), module.module() + " gives " + POOL_SIZE
                    + " no numeric default; set it in the manifest"));
            return null;
        }
        return Integer.parseInt(fallback);
    }

    private static int integer(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
    }

    private static String workloadName(Manifest workload) {
        return text(workload.body(), "spec", "template", "metadata", "labels", NAME_LABEL);
    }

    /** The containers and init containers of a workload's pod template (Deployment, Job, StatefulSet...). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Manifest manifest) {
        Map<String, Object> pod = map(manifest.body(), "spec", "template", "spec");
        if (pod.isEmpty()) {
            pod = map(manifest.body(), "spec", "jobTemplate", "spec", "template", "spec");
        }
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String key : List.of("initContainers", "containers")) {
            for (Object container : list(pod, key)) {
                if (container instanceof Map<?, ?> map) {
                    containers.add((Map<String, Object>) map);
                }
            }
        }
        return containers;
    }

    private static Object firstNonNull(Object first, Object second) {
        return first != null ? first : second;
    }
}
