package dev.coachos.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.coachos.identity.IdentityApplication;
import dev.coachos.testing.ApiClient;
import dev.coachos.testing.TestDatabase;

/** The first director: from the environment, or a default only under the local profile. */
class FirstDirectorIT {

    @Test
    void outsideTheLocalProfileTheServiceRefusesToStartWithoutCredentials() {
        String[] arguments = arguments(TestDatabase.create("firstdirector"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(IdentityApplication.class).run(arguments))
                .hasStackTraceContaining("set COACHOS_ADMIN_EMAIL and COACHOS_ADMIN_PASSWORD");
    }

    @Test
    void theLocalProfileCreatesTheDefaultDirectorOnce() {
        String[] arguments = arguments(TestDatabase.create("firstdirectorlocal"));
        for (int start = 0; start < 2; start++) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityApplication.class)
                    .profiles("local").run(arguments)) {
                ApiClient api = new ApiClient("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
                String token = api.login(FirstDirector.LOCAL_EMAIL, FirstDirector.LOCAL_PASSWORD).access();
                assertThat(api.get("/api/v1/users?role=DIRECTOR", token).json().path("page").path("totalElements")
                        .asInt()).isEqualTo(1);
            }
        }
    }

    /** As command-line arguments, which outrank application.yml (plain default properties would not). */
    private static String[] arguments(TestDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.springProperties("identity"));
        properties.put("server.port", "0");
        properties.put("eureka.client.enabled", "false");
        properties.put("coachos.outbox.relay-enabled", "false");
        properties.put("spring.kafka.admin.auto-create", "false");
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("coachos.identity.generate-missing-key", "true");
        properties.put("coachos.admin.email", "");
        properties.put("coachos.admin.password", "");
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
