package dev.coachos.k8scheck;

import static dev.coachos.k8scheck.Manifest.at;
import static dev.coachos.k8scheck.Manifest.list;
import static dev.coachos.k8scheck.Manifest.map;
import static dev.coachos.k8scheck.Manifest.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay in k8s/overlays with {@code kubectl kustomize} (into target/k8s/) and
 * checks the result offline: against the Kubernetes and the operators' schemas, against the
 * suite's policy, and for what each overlay must contain.
 */
class OverlaysTest {

    static final Path ROOT = Path.of(System.getProperty("coachos.root", "../..")).toAbsolutePath().normalize();
    private static final Path TOOL = ROOT.resolve("tools/k8s-check");
    private static final Toolchain TOOLCHAIN = new Toolchain(TOOL);
    /** Every deployable module: the gateway and the domain services (Deployments), the bootstrap (a Job). */
    static final Set<String> SERVICES = Set.of("gateway", "identity-service", "course-service", "enrollment-service",
            "communication-service", "audit-service", "assessment-service", "finance-service", "marketing-service");
    private static final Map<String, Path> RENDERED = new TreeMap<>();
    /** The Secret with the gateway's Redis URL ("url") and the overlay's Redis password ("password"). */
    private static final String REDIS_SECRET = "coachos-redis";
    private static final int REDIS_PORT = 6379;
    /** The pods the operators make in production (not in the manifests), by the labels the overlay gives them. */
    private static final Map<String, Map<String, Object>> OPERATOR_PODS = Map.of(
            "CloudNativePG instance", Map.of("coachos.dev/infrastructure", "postgresql", "cnpg.io/cluster", "coachos-db"),
            "Strimzi Kafka node", Map.of("coachos.dev/infrastructure", "kafka", "strimzi.io/cluster", "coachos"));

    @BeforeAll
    static void renderAll() {
        overlays().forEach(OverlaysTest::renderedFile);
    }

    /** The overlay rendered into target/k8s/&lt;overlay&gt;.yaml, once per test run. */
    static synchronized Path renderedFile(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            try {
                Path file = Path.of("target", "k8s", name + ".yaml").toAbsolutePath();
                Files.createDirectories(file.getParent());
                Files.writeString(file, TOOLCHAIN.render(ROOT.resolve("k8s/overlays").resolve(name)));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Stream<String> overlays() {
        try (Stream<Path> entries = Files.list(ROOT.resolve("k8s/overlays"))) {
            return entries.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .map(p -> p.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Manifest> rendered(String overlay) {
        try {
            return Manifest.parseAll(Files.readString(renderedFile(overlay)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thereAreALocalAndAProductionOverlay() {
        assertThat(RENDERED).containsKeys("local", "production");
    }

    @Test
    void everyOverlayMatchesTheSchemas() {
        Toolchain.Outcome outcome = TOOLCHAIN.validate(new ArrayList<>(RENDERED.values()));

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("documents valid");
    }

    @Test
    void theSchemaCheckRefusesWhatBreaksASchema() {
        Toolchain.Outcome outcome = TOOLCHAIN.validate(List.of(ROOT.resolve("tools/k8s-check/src/test/resources/schema-broken.yaml")));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output()).contains(
                "Deployment/replicas-as-text: /spec/replicas must be integer",
                "Service/port-missing: /spec/ports/0 must have required property port",
                "Cluster/misspelt-field: /spec/managed/roles/0 must NOT have additional properties (pasword)",
                "Kafka/no-listeners: /spec/kafka must have required property 'listeners'",
                "Widget/unknown-kind: no schema for example.coachos.dev/v1 Widget",
                "Deployment/misspelt-security-field: /spec/template/spec/containers/0/securityContext has no field "
                        + "readOnlyRootFilesytem (V1SecurityContext)",
                "6 problems in 6 documents");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayKeepsThePolicy(String overlay) {
        ManifestPolicy policy = new ManifestPolicy(ModuleFacts.fromRepository(ROOT));

        List<Violation> violations = policy.check(rendered(overlay), overlay.equals("production"));

        assertThat(violations).as(violations.stream().map(Violation::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayDeploysEveryModuleAndNoRegistry(String overlay) {
        List<Manifest> manifests = rendered(overlay);

        assertThat(names(manifests, "Deployment")).isEqualTo(SERVICES);
        assertThat(names(manifests, "Job")).containsExactly("db-bootstrap");
        assertThat(names(manifests, "Service")).containsAll(SERVICES).doesNotContain("discovery-server");
        for (Manifest deployment : kind(manifests, "Deployment")) {
            Map<String, Object> container = ManifestPolicy.containers(deployment).getFirst();
            assertThat(list(container, "env")).as(deployment.id())
                    .contains(Map.of("name", "SPRING_PROFILES_ACTIVE", "value", "kubernetes"));
            assertThat(text(container, "image")).as(deployment.id()).startsWith("coachos/" + deployment.name() + ":");
        }
        Object path = list(list(kind(manifests, "Ingress").getFirst().body(), "spec", "rules").getFirst(), "http", "paths")
                .getFirst();
        assertThat(text(path, "backend", "service", "name")).as("the Ingress leads to the gateway").isEqualTo("gateway");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesFindTheDatabaseAndKafkaByServiceName(String overlay) {
        List<Manifest> manifests = rendered(overlay);
        Map<String, Object> settings = map(kind(manifests, "ConfigMap").stream()
                .filter(m -> m.name().startsWith("coachos-settings-")).findFirst().orElseThrow().body(), "data");
        Set<String> services = names(manifests, "Service");
        if (overlay.equals("production")) {
            // CloudNativePG names the primary's Service <cluster>-rw, Strimzi the bootstrap <kafka>-kafka-bootstrap.
            services = Stream.concat(services.stream(), Stream.concat(
                    names(manifests, "Cluster").stream().map(n -> n + "-rw"),
                    names(manifests, "Kafka").stream().map(n -> n + "-kafka-bootstrap"))).collect(Collectors.toSet());
        }
        assertThat(services).contains(settings.get("db-host").toString(),
                settings.get("kafka-bootstrap").toString().replace(":9092", ""));
    }

    @Test
    void productionRunsPostgresqlAndKafkaThroughTheirOperators() {
        List<Manifest> manifests = rendered("production");

        Manifest cluster = kind(manifests, "Cluster").getFirst();
        Set<String> roleSecrets = list(cluster.body(), "spec", "managed", "roles").stream()
                .map(role -> text(role, "passwordSecret", "name")).collect(Collectors.toSet());
        Set<String> databaseSecrets = kind(manifests, "Deployment").stream()
                .flatMap(d -> list(ManifestPolicy.containers(d).getFirst(), "env").stream())
                .filter(env -> String.valueOf(text(env, "name")).endsWith("_DB_PASSWORD"))
                .map(env -> text(env, "valueFrom", "secretKeyRef", "name")).collect(Collectors.toSet());
        assertThat(roleSecrets).as("a managed role for every database login a service uses").isEqualTo(databaseSecrets);
        assertThat(text(cluster.body(), "spec", "superuserSecret", "name")).isEqualTo("coachos-db-admin");

        Manifest kafka = kind(manifests, "Kafka").getFirst();
        Manifest pool = kind(manifests, "KafkaNodePool").getFirst();
        assertThat(text(pool.body(), "metadata", "labels", "strimzi.io/cluster")).isEqualTo(kafka.name());
        assertThat(list(pool.body(), "spec", "roles")).containsExactlyInAnyOrder("controller", "broker");
        assertThat((Integer) at(pool.body(), "spec", "replicas")).isGreaterThanOrEqualTo(3);
        assertThat(list(kafka.body(), "spec", "kafka", "listeners")).anySatisfy(listener ->
                assertThat(at(listener, "port")).isEqualTo(9092));
        assertThat(names(manifests, "StatefulSet")).as("no stand-ins for the operators' resources; the one StatefulSet is Redis")
                .containsExactly("coachos-redis");
        assertThat(text(list(kind(manifests, "Ingress").getFirst().body(), "spec", "tls").getFirst(), "secretName"))
                .isEqualTo("coachos-gateway-tls");
    }

    /**
     * Two or more gateways share their rate-limit buckets in one Redis: the URL (password included)
     * comes from a Secret, the overlay's Redis takes its password from the same Secret, and only the
     * gateway may reach it.
     */
    @Test
    void productionGatewaysShareTheirRateLimitsInRedis() {
        List<Manifest> manifests = rendered("production");
        Manifest gateway = named(manifests, "Deployment", "gateway");

        Object url = env(gateway, "COACHOS_REDIS_URL");
        assertThat(at(url, "value")).as("no URL, and so no password, in the repository").isNull();
        assertThat(map(url, "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name", REDIS_SECRET, "key", "url"));
        assertThat(ModuleFacts.fromRepository(ROOT).forWorkload("gateway").orElseThrow().variables())
                .as("the variable the gateway reads its Redis from").contains("COACHOS_REDIS_URL");

        Manifest redis = named(manifests, "StatefulSet", "coachos-redis");
        assertThat(at(redis.body(), "spec", "replicas")).as("one Redis: two would each hold buckets of their own").isEqualTo(1);
        Map<String, Object> container = ManifestPolicy.containers(redis).getFirst();
        assertThat(text(container, "image")).as("the official image, pinned to a release").matches("redis:\\d+\\.\\d+\\.\\d+-alpine");
        List<Object> args = list(container, "args");
        assertThat(args).as("nothing on disk: the buckets are short-lived").containsSubsequence("--save", "")
                .containsSubsequence("--appendonly", "no");
        int requirePass = args.indexOf("--requirepass");
        assertThat(requirePass).as("a password is required").isNotNegative();
        String reference = args.get(requirePass + 1).toString();
        assertThat(reference).matches("\\$\\(\\w+\\)");
        Object password = env(redis, reference.substring(2, reference.length() - 1));
        assertThat(map(password, "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name", REDIS_SECRET, "key", "password"));

        Map<String, Object> redisPods = podLabels(redis);
        Manifest service = named(manifests, "Service", "coachos-redis");
        assertThat(redisPods).containsAllEntriesOf(map(service.body(), "spec", "selector"));
        assertThat(list(service.body(), "spec", "ports")).anySatisfy(port -> assertThat(at(port, "port")).isEqualTo(REDIS_PORT));

        // Who may open a connection to Redis: both the caller's egress and Redis' ingress must allow it.
        Map<String, Map<String, Object>> pods = new TreeMap<>(OPERATOR_PODS);
        for (Manifest workload : manifests) {
            if (!podLabels(workload).isEmpty()) {
                pods.put(workload.id(), podLabels(workload));
            }
        }
        Set<String> callers = pods.entrySet().stream()
                .filter(pod -> allows(manifests, pod.getValue(), "egress", redisPods, REDIS_PORT)
                        && allows(manifests, redisPods, "ingress", pod.getValue(), REDIS_PORT))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(callers).as("the pods that may connect to Redis on " + REDIS_PORT).containsExactly("Deployment/gateway");
        assertThat(pods).allSatisfy((pod, labels) -> assertThat(allows(manifests, redisPods, "egress", labels, 0))
                .as("Redis reaches " + pod).isFalse());
    }

    @Test
    void localRunsOneOfEverything() {
        List<Manifest> manifests = rendered("local");

        assertThat(kind(manifests, "Deployment")).allSatisfy(d -> assertThat(at(d.body(), "spec", "replicas")).isEqualTo(1));
        assertThat(names(manifests, "StatefulSet")).containsExactlyInAnyOrder("coachos-db", "coachos-kafka");
        assertThat(kind(manifests, "HorizontalPodAutoscaler")).isEmpty();
        // One gateway counts its limits exactly in its own memory: no Redis needed.
        assertThat(list(ManifestPolicy.containers(named(manifests, "Deployment", "gateway")).getFirst(), "env"))
                .noneSatisfy(variable -> assertThat(text(variable, "name")).isEqualTo("COACHOS_REDIS_URL"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConfigMapKeyAWorkloadReadsExists(String overlay) {
        List<Manifest> manifests = rendered(overlay);
        Map<String, Set<String>> keys = kind(manifests, "ConfigMap").stream()
                .collect(Collectors.toMap(Manifest::name, m -> map(m.body(), "data").keySet()));
        for (Manifest workload : manifests) {
            for (Map<String, Object> container : ManifestPolicy.containers(workload)) {
                for (Object env : list(container, "env")) {
                    Object reference = at(env, "valueFrom", "configMapKeyRef");
                    if (reference != null) {
                        assertThat(keys.getOrDefault(text(reference, "name"), Set.of()))
                                .as(workload.id() + " " + text(env, "name")).contains(text(reference, "key"));
                    }
                }
            }
        }
    }

    /** Every Secret an overlay refers to is in k8s/README.md, which says what to put in it. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretTheManifestsNameIsDocumented(String overlay) throws IOException {
        String guide = Files.readString(ROOT.resolve("k8s/README.md"));
        Set<String> secrets = new TreeSet<>();
        for (Manifest manifest : rendered(overlay)) {
            collectSecrets(manifest.body(), secrets);
        }

        assertThat(secrets).contains("coachos-db-admin", "coachos-identity-signing-key");
        for (String secret : secrets) {
            if (secret.startsWith("coachos-db-") && !secret.equals("coachos-db-admin") && !secret.equals("coachos-db-audit-owner")) {
                assertThat(guide).as(secret).contains("`coachos-db-<service>`", "`" + secret.substring("coachos-db-".length()) + "`");
            } else {
                assertThat(guide).as(secret).contains("`" + secret + "`");
            }
        }
    }

    /** Every key a container takes from a Secret is in the Keys column of that Secret's row in k8s/README.md. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretKeyTheContainersReadIsInItsSecretsRow(String overlay) throws IOException {
        List<String> rows = Files.readAllLines(ROOT.resolve("k8s/README.md")).stream().filter(line -> line.startsWith("| `")).toList();
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Manifest workload : rendered(overlay)) {
            for (Map<String, Object> container : ManifestPolicy.containers(workload)) {
                for (Object variable : list(container, "env")) {
                    Map<String, Object> reference = map(variable, "valueFrom", "secretKeyRef");
                    if (!reference.isEmpty()) {
                        keys.computeIfAbsent(text(reference, "name"), name -> new TreeSet<>()).add(text(reference, "key"));
                    }
                }
            }
        }

        assertThat(keys).containsKey("coachos-db-admin");
        keys.forEach((secret, read) -> {
            String documented = secret.startsWith("coachos-db-") && !secret.equals("coachos-db-admin")
                    && !secret.equals("coachos-db-audit-owner") ? "coachos-db-<service>" : secret;
            String row = rows.stream().filter(line -> line.startsWith("| `" + documented + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("k8s/README.md has no row for the Secret " + secret));
            String keysColumn = row.split("\\|")[2];
            for (String key : read) {
                assertThat(keysColumn).as(secret + " key " + key).contains("`" + key + "`");
            }
        });
    }

    /** Secret names wherever a manifest refers to one: env, volumes, Ingress TLS, CloudNativePG's secrets. */
    @SuppressWarnings("unchecked")
    private static void collectSecrets(Object node, Set<String> secrets) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> fields = (Map<String, Object>) map;
            for (String key : List.of("secretKeyRef", "superuserSecret", "passwordSecret")) {
                if (text(fields, key, "name") != null) {
                    secrets.add(text(fields, key, "name"));
                }
            }
            if (fields.get("secretName") instanceof String name) {
                secrets.add(name);
            }
            fields.values().forEach(value -> collectSecrets(value, secrets));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectSecrets(value, secrets));
        }
    }

    @Test
    void theModulesAreReadFromTheRepository() {
        ModuleFacts.Lookup modules = ModuleFacts.fromRepository(ROOT);

        ModuleFacts gateway = modules.forWorkload("gateway").orElseThrow();
        assertThat(gateway.variables()).contains("COACHOS_CORS_ORIGINS", "COACHOS_JWKS_URI", "COACHOS_PUBLIC_URL")
                .doesNotContain("COACHOS_DB_HOST");
        assertThat(gateway.shutdownTimeout()).hasSeconds(20);
        assertThat(gateway.port()).isEqualTo(new ModuleFacts.Port("GATEWAY_PORT", 8080));
        assertThat(modules.forWorkload("course-service").orElseThrow().defaults()).containsEntry("COACHOS_DB_POOL_SIZE", "10");
        ModuleFacts bootstrap = modules.forWorkload("db-bootstrap").orElseThrow();
        assertThat(bootstrap.module()).isEqualTo("platform/db-bootstrap");
        assertThat(bootstrap.variables()).contains("COACHOS_DB_HOST", "COACHOS_DB_ADMIN_PASSWORD",
                "COACHOS_FINANCE_DB_PASSWORD", "COACHOS_AUDIT_OWNER_DB_PASSWORD").doesNotContain("COACHOS_FINANCE_OWNER_DB_PASSWORD");
        assertThat(modules.forWorkload("no-such-module")).isEmpty();
    }

    /**
     * Whether the NetworkPolicies that select a pod (by its labels) let it send to (egress) or
     * receive from (ingress) a peer pod of the same namespace on a TCP port (0: any port). Peers
     * by ipBlock, or in namespaces named by label, are never pods of the suite's namespace here.
     */
    static boolean allows(List<Manifest> manifests, Map<String, Object> pod, String direction, Map<String, Object> peer, int port) {
        String peers = direction.equals("egress") ? "to" : "from";
        String type = direction.equals("egress") ? "Egress" : "Ingress";
        List<Manifest> policies = kind(manifests, "NetworkPolicy").stream()
                .filter(policy -> selects(map(policy.body(), "spec", "podSelector"), pod))
                .filter(policy -> list(policy.body(), "spec", "policyTypes").contains(type))
                .toList();
        return policies.stream().flatMap(policy -> list(policy.body(), "spec", direction).stream()).anyMatch(rule -> {
            List<Object> ports = list(rule, "ports");
            boolean portAllowed = ports.isEmpty() || ports.stream().anyMatch(p -> port == 0
                    || (Integer.valueOf(port).equals(at(p, "port")) && !"UDP".equals(text(p, "protocol"))));
            List<Object> from = list(rule, peers);
            boolean peerAllowed = from.isEmpty() || from.stream().anyMatch(candidate -> at(candidate, "ipBlock") == null
                    && (at(candidate, "namespaceSelector") == null || map(candidate, "namespaceSelector").isEmpty())
                    && selects(map(candidate, "podSelector"), peer));
            return portAllowed && peerAllowed;
        });
    }

    /** A label selector (matchLabels, matchExpressions In, NotIn, Exists, DoesNotExist) against a pod's labels. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        boolean matchLabels = map(selector, "matchLabels").entrySet().stream()
                .allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
        boolean matchExpressions = list(selector, "matchExpressions").stream().allMatch(expression -> {
            Object value = labels.get(text(expression, "key"));
            List<Object> values = list(expression, "values");
            return switch (String.valueOf(text(expression, "operator"))) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("Unknown selector operator in " + expression);
            };
        });
        return matchLabels && matchExpressions;
    }

    private static Map<String, Object> podLabels(Manifest workload) {
        return map(workload.body(), "spec", "template", "metadata", "labels");
    }

    private static Object env(Manifest workload, String name) {
        return list(ManifestPolicy.containers(workload).getFirst(), "env").stream()
                .filter(variable -> name.equals(text(variable, "name"))).findFirst()
                .orElseThrow(() -> new AssertionError(workload.id() + " does not set " + name));
    }

    static Manifest named(List<Manifest> manifests, String kind, String name) {
        return kind(manifests, kind).stream().filter(m -> name.equals(m.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static List<Manifest> kind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    static Set<String> names(List<Manifest> manifests, String kind) {
        return kind(manifests, kind).stream().map(Manifest::name).collect(Collectors.toSet());
    }
}
