package dev.coachos.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.coachos.platform.security.PermissionChecks;
import dev.coachos.platform.security.TokenProperties;

/** What every service and the gateway get, whatever their web stack. */
@AutoConfiguration
@EnableConfigurationProperties(TokenProperties.class)
public class ServiceDefaultsAutoConfiguration {

    @Bean(name = "permissions")
    PermissionChecks permissions() {
        return new PermissionChecks();
    }
}
