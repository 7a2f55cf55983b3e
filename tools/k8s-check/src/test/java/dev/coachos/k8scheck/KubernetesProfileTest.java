package dev.coachos.k8scheck;

import static dev.coachos.k8scheck.Manifest.at;
import static dev.coachos.k8scheck.Manifest.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The "kubernetes" Spring profile of every deployed module turns Eureka off and replaces every
 * address that would go through it (lb://name) with a Service the manifests define, on its port.
 */
class KubernetesProfileTest {

    /** {@code ${name:default}}: the property or variable a value may be overridden by, and the default. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):([^}]*)}");
    private static final Pattern SERVICE_URL = Pattern.compile("http://([a-z0-9-]+):(\\d+)(/.*)?");

    static List<String> modules() {
        return OverlaysTest.SERVICES.stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void eurekaIsOffAndEveryDiscoveredAddressIsAServiceName(String module) throws IOException {
        Path resources = OverlaysTest.ROOT.resolve(module).resolve("src/main/resources");
        Map<String, Object> profile = flatten(first(resources.resolve("application-kubernetes.yml")));
        Map<String, Object> defaults = flatten(first(resources.resolve("application.yml")));

        assertThat(profile.get("eureka.client.enabled")).as(module + ": eureka.client.enabled").isEqualTo(false);
        defaults.forEach((key, value) -> {
            String text = String.valueOf(value);
            if (!text.contains("lb://")) {
                return;
            }
            Matcher placeholder = PLACEHOLDER.matcher(text);
            // A placeholder naming a property (coachos.routes.x) is set by that property; one naming an
            // environment variable is replaced by setting the key itself in the profile.
            String overriddenBy = placeholder.find() && placeholder.group(1).contains(".") ? placeholder.group(1) : key;
            Object replacement = profile.get(overriddenBy);
            assertThat(replacement).as(module + ": " + overriddenBy + " (" + text + ") in the kubernetes profile").isNotNull();
            assertIsAService(module, overriddenBy, String.valueOf(replacement));
        });
        Object keySet = profile.get("coachos.security.jwk-set-uri");
        if (!module.equals("identity-service")) {
            assertThat(keySet).as(module + ": the key set address").isNotNull();
            assertIsAService(module, "coachos.security.jwk-set-uri", String.valueOf(keySet));
        }
    }

    /**
     * The gateway takes the client's address from X-Forwarded-For on Kubernetes (its per-address limits
     * need it); that is safe only while nothing but the Ingress controller can reach it.
     */
    @Test
    void theGatewayTrustsForwardedHeadersOnlyFromTheIngressController() throws IOException {
        Map<String, Object> profile = flatten(first(OverlaysTest.ROOT.resolve("gateway/src/main/resources/application-kubernetes.yml")));
        // The web server's own forwarded handling stays off (Spring Boot would turn it on by default on
        // Kubernetes, believing any peer): the gateway believes X-Forwarded-For only from its trusted
        // proxies (coachos.gateway.trusted-proxies), set from the ConfigMap.
        Map<String, Object> defaults = flatten(first(OverlaysTest.ROOT.resolve("gateway/src/main/resources/application.yml")));
        assertThat(defaults).containsEntry("server.forward-headers-strategy", "none");
        assertThat(profile).doesNotContainKey("server.forward-headers-strategy");
        assertThat(String.valueOf(profile.get("coachos.gateway.trusted-proxies"))).startsWith("${COACHOS_TRUSTED_PROXIES:");

        for (String overlay : OverlaysTest.overlays().toList()) {
            Manifest policy = OverlaysTest.kind(OverlaysTest.rendered(overlay), "NetworkPolicy").stream()
                    .filter(m -> m.name().equals("gateway")).findFirst().orElseThrow();
            List<Object> from = list(policy.body(), "spec", "ingress").stream()
                    .flatMap(rule -> list(rule, "from").stream()).toList();
            assertThat(from).as(overlay + ": who may call the gateway").isNotEmpty().allSatisfy(peer -> {
                assertThat(Manifest.map(peer, "namespaceSelector", "matchLabels")).as(overlay).isNotEmpty();
                assertThat(at(peer, "ipBlock")).as(overlay).isNull();
            });
        }
    }

    /** The address (or a placeholder's default) is http://service:port of a Service the base defines. */
    private static void assertIsAService(String module, String key, String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        String url = placeholder.matches() ? placeholder.group(2) : value;
        Matcher service = SERVICE_URL.matcher(url);
        assertThat(service.matches()).as(module + ": " + key + " = " + value + " is http://<service>:<port>").isTrue();
        List<Manifest> manifests = OverlaysTest.rendered("local");
        assertThat(manifests).as(module + ": " + key + " names Service " + service.group(1) + " on port " + service.group(2))
                .anySatisfy(m -> {
                    assertThat(m.kind()).isEqualTo("Service");
                    assertThat(m.name()).isEqualTo(service.group(1));
                    assertThat(list(m.body(), "spec", "ports")).anySatisfy(port ->
                            assertThat(String.valueOf(at(port, "port"))).isEqualTo(service.group(2)));
                });
    }

    /** The first document of a YAML file: the one that applies whatever the profile. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Path file) throws IOException {
        assertThat(file).as("the module's kubernetes profile").isRegularFile();
        return (Map<String, Object>) new Yaml().loadAll(Files.readString(file)).iterator().next();
    }

    /** Nested maps as Spring's dotted keys (lists as [i]). */
    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> flatten(prefix.isEmpty() ? key : prefix + "." + key, value, flat));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, node);
        }
    }
}
