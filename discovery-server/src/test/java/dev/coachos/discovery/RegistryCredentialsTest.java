package dev.coachos.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The registry does not start without credentials, and says which variables to set; the local profile has defaults. */
class RegistryCredentialsTest {

    @Test
    void blankCredentialsAreRefusedWithTheVariablesToSet() {
        for (String[] pair : new String[][] {{null, "secret"}, {"", "secret"}, {"coachos", null}, {"coachos", " "}}) {
            assertThatThrownBy(() -> new RegistryCredentials(pair[0], pair[1]))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("COACHOS_EUREKA_USER").hasMessageContaining("COACHOS_EUREKA_PASSWORD");
        }
        assertThatThrownBy(() -> new RegistryCredentials("a:b", "secret")).hasMessageContaining("':'");
    }

    @Test
    void theRegistryDoesNotStartWithoutCredentials() {
        assertThatThrownBy(() -> start("--coachos.eureka.user=", "--coachos.eureka.password="))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("COACHOS_EUREKA_USER");
    }

    @Test
    void theLocalProfileHasDefaults() {
        try (ConfigurableApplicationContext registry = start("--spring.profiles.active=local")) {
            assertThat(registry.getBean(RegistryCredentials.class).user()).isNotBlank();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return new SpringApplicationBuilder(DiscoveryServerApplication.class).run(all);
    }
}
