package dev.coachos.discovery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;

/**
 * The Eureka registry where services announce themselves and the gateway finds them; closed to
 * anyone without its credentials.
 */
@SpringBootApplication
@EnableEurekaServer
@EnableConfigurationProperties(RegistryCredentials.class)
public class DiscoveryServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiscoveryServerApplication.class, args);
    }
}
