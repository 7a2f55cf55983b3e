package dev.coachos.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a module reads is what applies under the "kubernetes" profile: a variable only another
 * profile reads (the local one's document, an application-local.yml) does not count, and the port
 * is the one server.port gives under that profile.
 */
class ModuleFactsTest {

    @TempDir
    Path root;

    @Test
    void onlyTheDefaultDocumentTheKubernetesProfileAndThePlatformCount() throws IOException {
        write("sample-service/src/main/resources/application.yml", """
                # ${IN_A_COMMENT:x} is no setting
                server:
                  port: ${SAMPLE_PORT:8089}
                spring:
                  lifecycle:
                    timeout-per-shutdown-phase: 15s
                  datasource:
                    hikari:
                      maximum-pool-size: ${COACHOS_DB_POOL_SIZE:10}
                ---
                spring:
                  config:
                    activate:
                      on-profile: local
                eureka:
                  user: ${LOCAL_ONLY:coachos}
                ---
                spring:
                  config:
                    activate:
                      on-profile: kubernetes | cloud
                coachos:
                  peer: ${KUBERNETES_DOCUMENT:http://peer:80}
                ---
                spring:
                  config:
                    activate:
                      on-profile: "!kubernetes"
                coachos:
                  elsewhere: ${NOT_ON_KUBERNETES:x}
                """);
        write("sample-service/src/main/resources/application-kubernetes.yml", """
                coachos:
                  bind: ${KUBERNETES_FILE:0.0.0.0}
                """);
        write("sample-service/src/main/resources/application-local.yml", """
                coachos:
                  local: ${LOCAL_FILE:x}
                """);
        write("platform/service-defaults/src/main/java/Defaults.java", """
                class Defaults { String otlp = "${COACHOS_OTLP_TRACING:false}"; }
                """);

        ModuleFacts facts = ModuleFacts.fromRepository(root).forWorkload("sample-service").orElseThrow();

        assertThat(facts.variables()).containsExactlyInAnyOrder("SAMPLE_PORT", "COACHOS_DB_POOL_SIZE", "KUBERNETES_DOCUMENT",
                "KUBERNETES_FILE", "COACHOS_OTLP_TRACING");
        assertThat(facts.defaults()).containsEntry("COACHOS_DB_POOL_SIZE", "10").containsEntry("SAMPLE_PORT", "8089");
        assertThat(facts.port()).isEqualTo(new ModuleFacts.Port("SAMPLE_PORT", 8089));
        assertThat(facts.shutdownTimeout()).hasSeconds(15);
    }

    @Test
    void theKubernetesProfileMayMoveThePort() throws IOException {
        write("sample-service/src/main/resources/application.yml", """
                server:
                  port: ${SAMPLE_PORT:8089}
                spring:
                  lifecycle:
                    timeout-per-shutdown-phase: 20s
                ---
                spring:
                  config:
                    activate:
                      on-profile: local
                server:
                  port: 7000
                """);
        write("sample-service/src/main/resources/application-kubernetes.yml", """
                server:
                  port: 8080
                """);

        assertThat(ModuleFacts.fromRepository(root).forWorkload("sample-service").orElseThrow().port())
                .isEqualTo(new ModuleFacts.Port(null, 8080));
    }

    /** The policy, on a module whose local profile alone reads a variable: setting it is a breach. */
    @Test
    void aVariableOnlyTheLocalProfileReadsIsRefusedInAManifest() throws IOException {
        write("sample-service/src/main/resources/application.yml", """
                server:
                  port: ${SAMPLE_PORT:8089}
                spring:
                  lifecycle:
                    timeout-per-shutdown-phase: 20s
                ---
                spring:
                  config:
                    activate:
                      on-profile: local
                eureka:
                  password: ${COACHOS_EUREKA_PASSWORD:local-registry-pass}
                """);
        ManifestPolicy policy = new ManifestPolicy(ModuleFacts.fromRepository(root));
        Map<String, Object> container = new LinkedHashMap<>(Map.of("name", "app", "image", "coachos/sample-service:1.0.0",
                "ports", List.of(Map.of("name", "http", "containerPort", 8089)),
                "env", List.of(Map.of("name", "EUREKA_CLIENT_ENABLED_IN_LOCAL", "value", "x"),
                        Map.of("name", "COACHOS_EUREKA_PASSWORD", "valueFrom", Map.of("secretKeyRef", Map.of("name", "s", "key", "k"))))));
        Manifest deployment = new Manifest(Map.of("kind", "Deployment", "metadata", Map.of("name", "sample-service"),
                "spec", Map.of("template", Map.of("metadata", Map.of("labels", Map.of(ManifestPolicy.NAME_LABEL, "sample-service")),
                        "spec", Map.of("containers", List.of(container))))));

        List<String> unread = policy.check(List.of(deployment), false).stream()
                .filter(v -> v.rule() == Rule.SETTINGS_READ).map(Violation::message).toList();

        assertThat(unread).anySatisfy(message -> assertThat(message).startsWith("COACHOS_EUREKA_PASSWORD is set"))
                .anySatisfy(message -> assertThat(message).startsWith("EUREKA_CLIENT_ENABLED_IN_LOCAL is set"));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
