package dev.coachos.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registry as a stranger and as a service meet it: without its credentials nobody registers
 * an instance under a service's name, deregisters one, or reads the registry; with them a service
 * registers and is found. It listens on loopback only unless told otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"coachos.eureka.user=registry-it", "coachos.eureka.password=it-registry-secret"})
class RegistryAccessIT {

    static final String CREDENTIALS = "registry-it:it-registry-secret";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutCredentialsNobodyRegistersDeregistersOrReads() {
        HttpResponse<String> register = send("POST", "/eureka/apps/IDENTITY-SERVICE", null, instance("IDENTITY-SERVICE", "probe:1"));
        assertThat(register.statusCode()).isEqualTo(401);
        assertThat(register.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"coachos-registry\"");
        assertThat(register.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(register.body()).contains("urn:coachos:problem:unauthenticated");
        assertThat(send("POST", "/eureka/apps/IDENTITY-SERVICE", "registry-it:wrong", instance("IDENTITY-SERVICE", "probe:1"))
                .statusCode()).as("a wrong password").isEqualTo(401);
        assertThat(send("POST", "/eureka/apps/IDENTITY-SERVICE", "someone:it-registry-secret",
                instance("IDENTITY-SERVICE", "probe:1")).statusCode()).as("a wrong name").isEqualTo(401);
        assertThat(send("GET", "/eureka/apps", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/eureka/apps/IDENTITY-SERVICE", null, null).statusCode()).isEqualTo(401);
        assertThat(send("PUT", "/eureka/apps/IDENTITY-SERVICE/probe:1", null, null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/eureka/apps/IDENTITY-SERVICE/probe:1", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/", null, null).statusCode()).as("the dashboard").isEqualTo(401);
        // Nothing was registered by the attempts above.
        assertThat(send("GET", "/eureka/apps/IDENTITY-SERVICE", CREDENTIALS, null).statusCode()).isEqualTo(404);
    }

    @Test
    void withCredentialsAServiceRegistersIsReadAndLeaves() {
        assertThat(send("POST", "/eureka/apps/COURSE-SERVICE", CREDENTIALS, instance("COURSE-SERVICE", "course:1"))
                .statusCode()).isEqualTo(204);
        HttpResponse<String> read = send("GET", "/eureka/apps/COURSE-SERVICE", CREDENTIALS, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"instanceId\":\"course:1\"");
        assertThat(send("PUT", "/eureka/apps/COURSE-SERVICE/course:1", CREDENTIALS, null).statusCode())
                .as("a heartbeat").isEqualTo(200);
        assertThat(send("GET", "/", CREDENTIALS, null).statusCode()).as("the dashboard").isEqualTo(200);
        assertThat(send("DELETE", "/eureka/apps/COURSE-SERVICE/course:1", CREDENTIALS, null).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsOpenForProbes() {
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void itListensOnLoopbackOnly() throws IOException {
        try (Socket loopback = new Socket("127.0.0.1", port)) {
            assertThat(loopback.isConnected()).isTrue();
        }
        // Bound to 127.0.0.1 only, it refuses every other address, another loopback address included
        // (a listener on all interfaces would accept 127.0.0.2). Tests never send traffic beyond loopback.
        InetAddress other = InetAddress.getByName("127.0.0.2");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other, port), 2000);
            }
        }).as("reaching the registry at %s", other).isInstanceOf(ConnectException.class);
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static String instance(String app, String id) {
        return """
                {"instance": {"instanceId": "%s", "hostName": "probe.invalid", "app": "%s", "ipAddr": "10.9.9.9",
                 "status": "UP", "port": {"$": 8081, "@enabled": "true"}, "vipAddress": "%s",
                 "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}
                """.formatted(id, app, app.toLowerCase());
    }

    private HttpResponse<String> send(String method, String path, String credentials, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
