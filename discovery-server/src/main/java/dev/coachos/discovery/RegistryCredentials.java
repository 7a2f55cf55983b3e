package dev.coachos.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one account that may use the registry ({@code coachos.eureka.*}, from
 * {@code COACHOS_EUREKA_USER} and {@code COACHOS_EUREKA_PASSWORD}): every service and the gateway
 * present it to register, renew and read; an operator presents it to open the dashboard.
 *
 * @param user     the account's name
 * @param password its password, a machine secret
 */
@ConfigurationProperties("coachos.eureka")
public record RegistryCredentials(String user, String password) {

    public RegistryCredentials {
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException("The registry needs credentials: set COACHOS_EUREKA_USER and "
                    + "COACHOS_EUREKA_PASSWORD (every service and the gateway register with the same pair, in "
                    + "EUREKA_URL as http://user:password@host:port/eureka/). Only the local profile has defaults.");
        }
        if (user.contains(":")) {
            throw new IllegalStateException("COACHOS_EUREKA_USER may not contain ':' (HTTP basic separates the "
                    + "name from the password with it)");
        }
    }
}
