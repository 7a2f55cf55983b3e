package dev.coachos.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy can fail: a set of manifests that keeps every rule passes, and breaking any one rule
 * in it makes the policy name exactly that rule.
 */
class ManifestPolicyTest {

    /** What the two sample modules read: the service its four variables (a pool of 10, port 8080), the job its one. */
    private final ManifestPolicy policy = new ManifestPolicy(name -> switch (name) {
        case "sample-service" -> Optional.of(new ModuleFacts("sample-service",
                Set.of("COACHOS_DB_HOST", "COACHOS_DB_PASSWORD", "COACHOS_DB_POOL_SIZE", "SAMPLE_PORT"),
                Map.of("SAMPLE_PORT", "8080", "COACHOS_DB_POOL_SIZE", "10"),
                Duration.ofSeconds(20), new ModuleFacts.Port("SAMPLE_PORT", 8080)));
        case "sample-job" -> Optional.of(new ModuleFacts("platform/sample-job", Set.of("COACHOS_DB_ADMIN_PASSWORD"), null));
        default -> Optional.empty();
    });

    @Test
    void manifestsThatKeepEveryRulePass() {
        assertThat(policy.check(good(), true)).isEmpty();
    }

    @Test
    void availabilityIsAskedOnlyOfProduction() {
        List<Manifest> manifests = good();
        map(deployment(manifests).body(), "spec").put("replicas", 1);
        manifests.removeIf(m -> m.kind().equals("PodDisruptionBudget") || m.kind().equals("HorizontalPodAutoscaler"));

        assertThat(policy.check(manifests, false)).isEmpty();
        assertThat(policy.check(manifests, true)).extracting(Violation::rule).containsOnly(Rule.AVAILABILITY).hasSize(3);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken(Rule.NON_ROOT, "no runAsNonRoot", m -> map(pod(deployment(m)), "securityContext").remove("runAsNonRoot")),
                broken(Rule.NON_ROOT, "runs as root", m -> map(pod(deployment(m)), "securityContext").put("runAsUser", 0)),
                broken(Rule.NON_ROOT, "the job without a user", m -> map(pod(job(m)), "securityContext").remove("runAsUser")),
                broken(Rule.READ_ONLY_ROOT, "writable root", m -> security(container(deployment(m))).put("readOnlyRootFilesystem", false)),
                broken(Rule.READ_ONLY_ROOT, "no /tmp", m -> container(job(m)).remove("volumeMounts")),
                broken(Rule.READ_ONLY_ROOT, "/tmp not an emptyDir", m -> {
                    Map<String, Object> volume = map(list(pod(deployment(m)), "volumes").getFirst());
                    volume.remove("emptyDir");
                    volume.put("hostPath", new LinkedHashMap<>(Map.of("path", "/tmp")));
                }),
                broken(Rule.CAPABILITIES, "capabilities kept", m -> map(security(container(deployment(m))), "capabilities")
                        .put("drop", new ArrayList<>(List.of("NET_RAW")))),
                broken(Rule.NO_PRIVILEGE_ESCALATION, "escalation allowed",
                        m -> security(container(job(m))).put("allowPrivilegeEscalation", true)),
                broken(Rule.NO_PRIVILEGE_ESCALATION, "escalation not set",
                        m -> security(container(deployment(m))).remove("allowPrivilegeEscalation")),
                broken(Rule.RESOURCES, "no memory limit", m -> map(map(container(deployment(m)), "resources"), "limits").remove("memory")),
                broken(Rule.RESOURCES, "no requests", m -> map(container(job(m)), "resources").remove("requests")),
                broken(Rule.PROBES, "no readiness probe", m -> container(deployment(m)).remove("readinessProbe")),
                broken(Rule.PROBES, "liveness on the whole health", m -> map(map(container(deployment(m)), "livenessProbe"), "httpGet")
                        .put("path", "/actuator/health")),
                broken(Rule.PROBES, "no startup probe", m -> container(deployment(m)).remove("startupProbe")),
                broken(Rule.JVM_MEMORY, "no serial collector", m -> javaToolOptions(m, "-Xms24m -Xmx256m -XX:+UseCompactObjectHeaders")),
                broken(Rule.JVM_MEMORY, "compact object headers turned off again",
                        m -> javaToolOptions(m, "-Xmx256m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:-UseCompactObjectHeaders")),
                broken(Rule.JVM_MEMORY, "a heap that leaves 112 MiB of the limit",
                        m -> javaToolOptions(m, "-Xmx400m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders")),
                broken(Rule.JVM_MEMORY, "a heap given as MaxHeapSize that leaves too little",
                        m -> javaToolOptions(m, "-XX:MaxHeapSize=1g -XX:+UseSerialGC -XX:+UseCompactObjectHeaders")),
                broken(Rule.JVM_MEMORY, "a limit lowered under the heap's room",
                        m -> map(map(container(deployment(m)), "resources"), "limits").put("memory", "400Mi")),
                broken(Rule.JVM_MEMORY, "a share of the limit, which leaves the room beside the heap unknown",
                        m -> javaToolOptions(m, "-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:+UseCompactObjectHeaders")),
                broken(Rule.JVM_MEMORY, "a heap that leaves 256 MiB, less than the most measured beside it",
                        m -> javaToolOptions(m, "-Xmx256m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders")),
                broken(Rule.JVM_MEMORY, "a second collector beside the image's serial one",
                        m -> javaToolOptions(m, "-Xmx224m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:+UseG1GC")),
                broken(Rule.JVM_MEMORY, "no JAVA_TOOL_OPTIONS",
                        m -> list(container(deployment(m)), "env").removeIf(e -> "JAVA_TOOL_OPTIONS".equals(map(e).get("name")))),
                broken(Rule.GRACEFUL_SHUTDOWN, "grace shorter than pause plus shutdown",
                        m -> pod(deployment(m)).put("terminationGracePeriodSeconds", 30)),
                broken(Rule.GRACEFUL_SHUTDOWN, "grace for the pause and one shutdown phase only",
                        m -> pod(deployment(m)).put("terminationGracePeriodSeconds", 45)),
                broken(Rule.GRACEFUL_SHUTDOWN, "grace that just equals pause, two phases and the relay",
                        m -> pod(deployment(m)).put("terminationGracePeriodSeconds", 60)),
                broken(Rule.GRACEFUL_SHUTDOWN, "the pod default", m -> pod(deployment(m)).remove("terminationGracePeriodSeconds")),
                broken(Rule.JOB_REMOVAL, "a job kept for a day", m -> map(job(m).body(), "spec").put("ttlSecondsAfterFinished", 86400)),
                broken(Rule.JOB_REMOVAL, "a job never removed", m -> map(job(m).body(), "spec").remove("ttlSecondsAfterFinished")),
                broken(Rule.IMAGE_TAG, "untagged image", m -> container(deployment(m)).put("image", "coachos/sample-service")),
                broken(Rule.IMAGE_TAG, "a SNAPSHOT in production", m -> container(deployment(m)).put("image", "coachos/sample-service:0.1.0-SNAPSHOT")),
                broken(Rule.IMAGE_TAG, "the job's SNAPSHOT in production", m -> container(job(m))
                        .put("image", "registry.example.com/coachos/sample-job:1.2.0-snapshot")),
                broken(Rule.IMAGE_TAG, "latest", m -> container(job(m)).put("image", "registry.example.com:5000/coachos/sample-job:latest")),
                broken(Rule.NO_SECRET_VALUES, "a Secret with data", m -> m.add(new Manifest(new LinkedHashMap<>(Map.of(
                        "apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", "coachos-db-sample"),
                        "stringData", Map.of("password", "x")))))),
                broken(Rule.NO_SECRET_VALUES, "a password as a literal", m -> map(list(container(deployment(m)), "env").get(2))
                        .put("value", "x")),
                broken(Rule.SETTINGS_READ, "a variable nobody reads", m -> list(container(deployment(m)), "env")
                        .add(new LinkedHashMap<>(Map.of("name", "COACHOS_DB_HOSTNAME", "value", "x")))),
                broken(Rule.SETTINGS_READ, "a variable the job does not read", m -> list(container(job(m)), "env")
                        .add(new LinkedHashMap<>(Map.of("name", "COACHOS_DB_HOST", "value", "x")))),
                broken(Rule.SETTINGS_READ, "variables from envFrom", m -> container(deployment(m))
                        .put("envFrom", new ArrayList<>(List.of(Map.of("configMapRef", Map.of("name", "x")))))),
                broken(Rule.SETTINGS_READ, "the Services' variables injected", m -> pod(deployment(m)).remove("enableServiceLinks")),
                broken(Rule.SETTINGS_READ, "a workload of no module", m -> {
                    Map<String, Object> labels = map(map(map(deployment(m).body(), "spec"), "template"), "metadata");
                    map(labels, "labels").put(ManifestPolicy.NAME_LABEL, "nobody");
                    m.add(networkPolicyFor("nobody"));
                }),
                broken(Rule.PORTS, "a containerPort the service does not listen on", m -> map(list(container(deployment(m)), "ports")
                        .getFirst()).put("containerPort", 8081)),
                broken(Rule.PORTS, "no containerPort", m -> container(deployment(m)).remove("ports")),
                broken(Rule.PORTS, "the port moved by its variable, the containerPort not", m -> list(container(deployment(m)), "env")
                        .add(new LinkedHashMap<>(Map.of("name", "SAMPLE_PORT", "value", "9090")))),
                broken(Rule.PORTS, "the port's variable from a ConfigMap", m -> list(container(deployment(m)), "env")
                        .add(new LinkedHashMap<>(Map.of("name", "SAMPLE_PORT", "valueFrom",
                                Map.of("configMapKeyRef", Map.of("name", "coachos-settings", "key", "sample-port")))))),
                broken(Rule.PORTS, "a Service that sends to another port", m -> map(list(map(service(m).body(), "spec"), "ports")
                        .getFirst()).put("targetPort", 8081)),
                broken(Rule.PORTS, "a Service that sends to a port name the pod lacks", m -> map(list(map(service(m).body(), "spec"), "ports")
                        .getFirst()).put("targetPort", "web")),
                broken(Rule.PORTS, "a Service without targetPort, so to its own port 80", m -> map(list(map(service(m).body(), "spec"), "ports")
                        .getFirst()).remove("targetPort")),
                broken(Rule.DEFAULT_DENY, "no default deny", m -> m.removeIf(x -> x.name().equals("default-deny"))),
                broken(Rule.DEFAULT_DENY, "a default deny that allows", m -> {
                    Manifest deny = m.stream().filter(x -> x.name().equals("default-deny")).findFirst().orElseThrow();
                    map(deny.body(), "spec").put("ingress", new ArrayList<>(List.of(Map.of())));
                }),
                broken(Rule.OWN_NETWORK_POLICY, "a service without its policy",
                        m -> m.removeIf(x -> x.kind().equals("NetworkPolicy") && x.name().equals("sample-service"))),
                broken(Rule.OWN_NETWORK_POLICY, "a job whose policy is ingress only", m -> {
                    Manifest own = m.stream().filter(x -> x.kind().equals("NetworkPolicy") && x.name().equals("sample-job"))
                            .findFirst().orElseThrow();
                    map(own.body(), "spec").put("policyTypes", new ArrayList<>(List.of("Ingress")));
                }),
                broken(Rule.NON_ROOT, "the cache as root", m -> map(pod(statefulSet(m)), "securityContext").put("runAsUser", 0)),
                broken(Rule.READ_ONLY_ROOT, "the cache's root writable", m -> security(container(statefulSet(m)))
                        .put("readOnlyRootFilesystem", false)),
                broken(Rule.READ_ONLY_ROOT, "the cache's root writable, with a blank reason", m -> {
                    security(container(statefulSet(m))).remove("readOnlyRootFilesystem");
                    map(statefulSet(m).body(), "metadata").put("annotations", new LinkedHashMap<>(Map.of(ManifestPolicy.WRITABLE_ROOT, " ")));
                }),
                broken(Rule.CAPABILITIES, "the cache keeps its capabilities", m -> security(container(statefulSet(m))).remove("capabilities")),
                broken(Rule.NO_PRIVILEGE_ESCALATION, "the cache may escalate",
                        m -> security(container(statefulSet(m))).put("allowPrivilegeEscalation", true)),
                broken(Rule.RESOURCES, "the cache unbounded", m -> map(container(statefulSet(m)), "resources").remove("limits")),
                broken(Rule.PROBES, "the cache without readiness", m -> container(statefulSet(m)).remove("readinessProbe")),
                broken(Rule.PROBES, "the cache without liveness", m -> container(statefulSet(m)).remove("livenessProbe")),
                broken(Rule.OWN_NETWORK_POLICY, "the cache without its policy",
                        m -> m.removeIf(x -> x.kind().equals("NetworkPolicy") && x.name().equals("sample-cache"))),
                broken(Rule.OWN_NETWORK_POLICY, "the cache under a policy of the whole suite", m -> {
                    Manifest own = m.stream().filter(x -> x.kind().equals("NetworkPolicy") && x.name().equals("sample-cache"))
                            .findFirst().orElseThrow();
                    map(map(own.body(), "spec"), "podSelector").put("matchLabels", Map.of("app.kubernetes.io/part-of", "coachos"));
                }),
                broken(Rule.NO_SECRET_VALUES, "a password from a ConfigMap", m -> map(list(container(deployment(m)), "env").get(2))
                        .put("valueFrom", Map.of("configMapKeyRef", Map.of("name", "coachos-settings", "key", "db-password")))),
                broken(Rule.NO_SECRET_VALUES, "a URL with a password as a literal", m -> map(list(container(deployment(m)), "env").get(1))
                        .put("value", "redis://:hunter2@coachos-redis:6379")),
                broken(Rule.NO_SECRET_VALUES, "a URL with user and password as a literal", m -> map(list(container(deployment(m)), "env")
                        .get(1)).put("value", "postgresql://coachos:hunter2@coachos-db-rw:5432/coachos")),
                broken(Rule.NO_SECRET_VALUES, "the cache's password as a literal", m -> map(list(container(statefulSet(m)), "env").getFirst())
                        .put("value", "hunter2")),
                broken(Rule.NO_SECRET_VALUES, "the cache's client login as a literal", m -> list(container(statefulSet(m)), "env")
                        .add(new LinkedHashMap<>(Map.of("name", "CACHECLI_AUTH", "value", "hunter2")))),
                broken(Rule.NO_SECRET_VALUES, "a password on the command line", m -> list(container(statefulSet(m)), "args")
                        .set(1, "hunter2")),
                broken(Rule.NO_SECRET_VALUES, "a password on the command line after =", m -> container(statefulSet(m))
                        .put("args", new ArrayList<>(List.of("--requirepass=hunter2")))),
                broken(Rule.NO_SECRET_VALUES, "a password on the command line from a literal variable",
                        m -> list(container(statefulSet(m)), "args").set(1, "$(CACHE_DIR)")),
                broken(Rule.DATABASE_CONNECTIONS, "more pods with a full pool than the database takes",
                        m -> parameters(m).put("max_connections", "60")),
                broken(Rule.DATABASE_CONNECTIONS, "PostgreSQL's default of 100 and a larger pool", m -> {
                    parameters(m).remove("max_connections");
                    list(container(deployment(m)), "env").add(new LinkedHashMap<>(Map.of("name", "COACHOS_DB_POOL_SIZE", "value", "20")));
                }),
                broken(Rule.DATABASE_CONNECTIONS, "an autoscaler that may go up to ten", m -> map(m.stream()
                        .filter(x -> x.kind().equals("HorizontalPodAutoscaler")).findFirst().orElseThrow().body(), "spec")
                        .put("maxReplicas", 10)),
                broken(Rule.DATABASE_CONNECTIONS, "a pool size from a ConfigMap that is not there", m -> list(container(deployment(m)), "env")
                        .add(new LinkedHashMap<>(Map.of("name", "COACHOS_DB_POOL_SIZE", "valueFrom",
                                Map.of("configMapKeyRef", Map.of("name", "coachos-settings", "key", "db-pool-size")))))),
                broken(Rule.AVAILABILITY, "a replica count beside the autoscaler", m -> map(deployment(m).body(), "spec").put("replicas", 2)),
                broken(Rule.AVAILABILITY, "no disruption budget", m -> m.removeIf(x -> x.kind().equals("PodDisruptionBudget"))),
                broken(Rule.AVAILABILITY, "an autoscaler that may go down to one", m -> map(m.stream()
                        .filter(x -> x.kind().equals("HorizontalPodAutoscaler")).findFirst().orElseThrow().body(), "spec")
                        .put("minReplicas", 1)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenRules")
    void breakingARuleIsCaught(Rule rule, String how, Consumer<List<Manifest>> breakIt) {
        List<Manifest> manifests = good();
        breakIt.accept(manifests);

        List<Violation> violations = policy.check(manifests, true);

        assertThat(violations).as(how).isNotEmpty();
        assertThat(violations).as(how).extracting(Violation::rule).containsOnly(rule);
    }

    @Test
    void theServicesPortMayBeMovedByItsVariableWhenTheContainerPortMoves() {
        List<Manifest> manifests = good();
        list(container(deployment(manifests)), "env").add(new LinkedHashMap<>(Map.of("name", "SAMPLE_PORT", "value", "9090")));
        map(list(container(deployment(manifests)), "ports").getFirst()).put("containerPort", 9090);

        assertThat(policy.check(manifests, true)).isEmpty();
    }

    /** 5 pods (4 and a surge of 25 %) x 10 + the job's 1 + 3 reserved + 10 for the operator = 64. */
    @Test
    void theConnectionsAreCountedWithThePoolSizeFromTheConfigMapAndOnlyInProduction() {
        List<Manifest> manifests = good();
        parameters(manifests).put("max_connections", "64");
        assertThat(policy.check(manifests, true)).isEmpty();

        parameters(manifests).put("max_connections", "63");
        assertThat(policy.check(manifests, true)).extracting(Violation::rule).containsExactly(Rule.DATABASE_CONNECTIONS);
        assertThat(policy.check(manifests, false)).isEmpty();

        manifests.add(new Manifest(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "coachos-settings-abc123"), "data", Map.of("db-pool-size", "5")))));
        list(container(deployment(manifests)), "env").add(new LinkedHashMap<>(Map.of("name", "COACHOS_DB_POOL_SIZE", "valueFrom",
                Map.of("configMapKeyRef", Map.of("name", "coachos-settings-abc123", "key", "db-pool-size")))));
        parameters(manifests).put("max_connections", "39");
        assertThat(policy.check(manifests, true)).isEmpty();
    }

    @Test
    void aLargerHeapFitsALargerLimit() {
        List<Manifest> manifests = good();
        javaToolOptions(manifests, "-Xms24m -Xmx480m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders");
        map(map(container(deployment(manifests)), "resources"), "limits").put("memory", "768Mi");

        assertThat(policy.check(manifests, true)).isEmpty();
        assertThat(ManifestPolicy.bytes("1Gi")).isEqualTo(1L << 30);
        assertThat(ManifestPolicy.bytes("800M")).isEqualTo(800_000_000L);
    }

    @Test
    void aSnapshotIsAllowedOutsideProduction() {
        List<Manifest> manifests = good();
        container(deployment(manifests)).put("image", "coachos/sample-service:0.1.0-SNAPSHOT");

        assertThat(policy.check(manifests, false)).isEmpty();
        assertThat(policy.check(manifests, true)).extracting(Violation::rule).containsExactly(Rule.IMAGE_TAG);
    }

    @Test
    void anotherImageMayKeepAWritableRootWhenItsWorkloadSaysWhy() {
        List<Manifest> manifests = good();
        security(container(statefulSet(manifests))).put("readOnlyRootFilesystem", false);
        assertThat(policy.check(manifests, true)).extracting(Violation::rule).containsExactly(Rule.READ_ONLY_ROOT);

        map(statefulSet(manifests).body(), "metadata").put("annotations",
                new LinkedHashMap<>(Map.of(ManifestPolicy.WRITABLE_ROOT, "the image writes its configuration at start")));
        assertThat(policy.check(manifests, true)).isEmpty();

        // The suite's own images never may.
        security(container(deployment(manifests))).put("readOnlyRootFilesystem", false);
        map(deployment(manifests).body(), "metadata").put("annotations",
                new LinkedHashMap<>(Map.of(ManifestPolicy.WRITABLE_ROOT, "it would like to")));
        assertThat(policy.check(manifests, true)).extracting(Violation::rule).containsExactly(Rule.READ_ONLY_ROOT);
    }

    @Test
    void aCredentialOnTheCommandLineMayBeGivenAsAVariableFromASecret() {
        List<Manifest> manifests = good();
        container(statefulSet(manifests)).put("args", new ArrayList<>(List.of("--requirepass=$(CACHE_PASSWORD)", "--save", "")));

        assertThat(policy.check(manifests, true)).isEmpty();
    }

    @Test
    void aValueWithAnAtSignIsNoCredentialUnlessItIsAUrlsUserInformation() {
        List<Manifest> manifests = good();
        List<Object> env = list(container(statefulSet(manifests)), "env");
        map(env.get(1)).put("value", "1@localhost:9093");
        env.add(new LinkedHashMap<>(Map.of("name", "CACHE_MIRROR", "value", "https://mirror.example.com/releases/@latest?by=ops@example.com")));

        assertThat(policy.check(manifests, true)).isEmpty();
    }

    private static Arguments broken(Rule rule, String how, Consumer<List<Manifest>> breakIt) {
        return Arguments.of(rule, how, breakIt);
    }

    private static List<Manifest> good() {
        try (InputStream in = ManifestPolicyTest.class.getResourceAsStream("/policy-good.yaml")) {
            return new ArrayList<>(Manifest.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Manifest networkPolicyFor(String name) {
        return new Manifest(new LinkedHashMap<>(Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", Map.of("name", name), "spec", Map.of("podSelector",
                        Map.of("matchLabels", Map.of(ManifestPolicy.NAME_LABEL, name)), "policyTypes", List.of("Ingress", "Egress")))));
    }

    private static Manifest deployment(List<Manifest> manifests) {
        return manifests.stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow();
    }

    private static void javaToolOptions(List<Manifest> manifests, String value) {
        list(container(deployment(manifests)), "env").stream().map(ManifestPolicyTest::map)
                .filter(e -> "JAVA_TOOL_OPTIONS".equals(e.get("name"))).findFirst().orElseThrow().put("value", value);
    }

    private static Map<String, Object> parameters(List<Manifest> manifests) {
        Manifest cluster = manifests.stream().filter(m -> m.kind().equals("Cluster")).findFirst().orElseThrow();
        return map(map(map(cluster.body(), "spec"), "postgresql"), "parameters");
    }

    private static Manifest service(List<Manifest> manifests) {
        return manifests.stream().filter(m -> m.kind().equals("Service")).findFirst().orElseThrow();
    }

    private static Manifest statefulSet(List<Manifest> manifests) {
        return manifests.stream().filter(m -> m.kind().equals("StatefulSet")).findFirst().orElseThrow();
    }

    private static Manifest job(List<Manifest> manifests) {
        return manifests.stream().filter(m -> m.kind().equals("Job")).findFirst().orElseThrow();
    }

    private static Map<String, Object> pod(Manifest workload) {
        return map(map(map(workload.body(), "spec"), "template"), "spec");
    }

    private static Map<String, Object> container(Manifest workload) {
        return map(list(pod(workload), "containers").getFirst());
    }

    private static Map<String, Object> security(Map<String, Object> container) {
        return map(container, "securityContext");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> map(Map<String, Object> node, String key) {
        return map(node.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> node, String key) {
        return (List<Object>) node.get(key);
    }
}
