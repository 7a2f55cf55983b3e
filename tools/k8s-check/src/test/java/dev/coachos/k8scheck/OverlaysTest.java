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
        assertThat(kind(manifests, "StatefulSet")).as("no stand-ins for the operators' resources").isEmpty();
        assertThat(text(list(kind(manifests, "Ingress").getFirst().body(), "spec", "tls").getFirst(), "secretName"))
                .isEqualTo("coachos-gateway-tls");
    }

    @Test
    void localRunsOneOfEverything() {
        List<Manifest> manifests = rendered("local");

        assertThat(kind(manifests, "Deployment")).allSatisfy(d -> assertThat(at(d.body(), "spec", "replicas")).isEqualTo(1));
        assertThat(names(manifests, "StatefulSet")).containsExactlyInAnyOrder("coachos-db", "coachos-kafka");
        assertThat(kind(manifests, "HorizontalPodAutoscaler")).isEmpty();
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
        ModuleFacts bootstrap = modules.forWorkload("db-bootstrap").orElseThrow();
        assertThat(bootstrap.module()).isEqualTo("platform/db-bootstrap");
        assertThat(bootstrap.variables()).contains("COACHOS_DB_HOST", "COACHOS_DB_ADMIN_PASSWORD",
                "COACHOS_FINANCE_DB_PASSWORD", "COACHOS_AUDIT_OWNER_DB_PASSWORD").doesNotContain("COACHOS_FINANCE_OWNER_DB_PASSWORD");
        assertThat(modules.forWorkload("no-such-module")).isEmpty();
    }

    static List<Manifest> kind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    static Set<String> names(List<Manifest> manifests, String kind) {
        return kind(manifests, kind).stream().map(Manifest::name).collect(Collectors.toSet());
    }
}
