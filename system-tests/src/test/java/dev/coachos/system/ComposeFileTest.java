package dev.coachos.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run on the build machines (no Docker engine), so its structure is
 * checked here: health checks, start order on health, memory limits, secrets only by reference,
 * only the gateway published, the registry's credentials required.
 */
class ComposeFileTest {

    private final Path root = Path.of(System.getProperty("coachos.root", "..")).toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(root.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndAMemoryLimit() throws IOException {
        services().forEach((name, service) -> {
            assertThat(service).as(name).containsKey("mem_limit");
            if (!"no".equals(service.get("restart"))) {
                assertThat(service).as(name + " health check").containsKey("healthcheck");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesStartOnlyWhenWhatTheyNeedIsHealthy() throws IOException {
        Map<String, Map<String, Object>> services = services();
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            ((Map<String, Map<String, Object>>) dependsOn).forEach((dependency, rule) -> {
                assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
                assertThat(rule.get("condition")).as(name + " -> " + dependency)
                        .isIn("service_healthy", "service_completed_successfully");
            });
        });
        assertThat(services.get("gateway").get("depends_on").toString()).contains("identity-service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretsComeFromTheEnvFileNeverFromTheRepository() throws IOException {
        services().forEach((name, service) -> {
            Object environment = service.get("environment");
            if (environment instanceof Map<?, ?> variables) {
                variables.forEach((key, value) -> {
                    if (key.toString().matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                        assertThat(value.toString()).as(name + " " + key).startsWith("${");
                    }
                });
            }
        });
        assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains(".env");
        assertThat(root.resolve(".env.example")).exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheGatewayIsPublishedAndTheRegistryTakesOnlyCallersWithItsCredentials() throws IOException {
        Map<String, Map<String, Object>> services = services();
        services.forEach((name, service) -> {
            for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                if (!"gateway".equals(name)) {
                    assertThat(port.toString()).as(name + " publishes only on the host's loopback").startsWith("127.0.0.1:");
                }
            }
        });
        assertThat((List<Object>) services.get("gateway").get("ports")).containsExactly("8080:8080");
        Map<String, Object> registry = (Map<String, Object>) services.get("discovery-server").get("environment");
        assertThat(registry.get("COACHOS_EUREKA_USER").toString()).startsWith("${COACHOS_EUREKA_USER:?");
        assertThat(registry.get("COACHOS_EUREKA_PASSWORD").toString()).startsWith("${COACHOS_EUREKA_PASSWORD:?");
        services.forEach((name, service) -> {
            if (!service.get("image").toString().startsWith("coachos/") || "coachos/db-bootstrap:latest".equals(service.get("image"))) {
                return;
            }
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            // Within the compose network the containers reach each other, so each listens on all its interfaces.
            assertThat(environment.get("COACHOS_BIND_ADDRESS")).as(name).isEqualTo("0.0.0.0");
            assertThat(environment.get("EUREKA_URL").toString()).as(name)
                    .startsWith("http://${COACHOS_EUREKA_USER:?").contains(":${COACHOS_EUREKA_PASSWORD:?")
                    .endsWith("@discovery-server:8761/eureka/");
        });
    }

    @Test
    void everyImageOfOursIsBuiltByAModuleOfTheBuild() throws IOException {
        List<String> ours = services().values().stream().map(s -> s.get("image").toString())
                .filter(image -> image.startsWith("coachos/")).toList();
        assertThat(ours).isNotEmpty();
        for (String image : ours) {
            String module = image.substring("coachos/".length(), image.indexOf(':'));
            Path pom = Files.exists(root.resolve(module + "/pom.xml")) ? root.resolve(module + "/pom.xml")
                    : root.resolve("platform/" + module + "/pom.xml");
            assertThat(pom).as(image).exists();
            assertThat(Files.readString(pom)).as(image + " is built with Jib").contains("jib-maven-plugin");
        }
    }
}
