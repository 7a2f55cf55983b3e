package dev.coachos.identity.auth;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import dev.coachos.identity.role.Role;
import dev.coachos.identity.user.Passwords;
import dev.coachos.identity.user.UserAdministration;
import dev.coachos.identity.user.Users;

/**
 * Creates the first director from {@code COACHOS_ADMIN_EMAIL} and {@code COACHOS_ADMIN_PASSWORD}
 * when no director exists. Only the {@code local} profile falls back to a default account.
 */
@Component
class FirstDirector implements ApplicationRunner {

    static final String LOCAL_EMAIL = "director@coachos.local";
    static final String LOCAL_PASSWORD = "local-director-pass";

    private static final Logger log = LoggerFactory.getLogger(FirstDirector.class);

    private final Users users;
    private final UserAdministration administration;
    private final Passwords passwords;
    private final Environment environment;
    private final String email;
    private final String password;

    FirstDirector(Users users, UserAdministration administration, Passwords passwords, Environment environment,
            @Value("${coachos.admin.email:}") String email, @Value("${coachos.admin.password:}") String password) {
        this.users = users;
        this.administration = administration;
        this.passwords = passwords;
        this.environment = environment;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.existsLiveWithRole(Role.DIRECTOR)) {
            return;
        }
        String useEmail = email;
        String usePassword = password;
        if (useEmail.isBlank() || usePassword.isBlank()) {
            if (!Arrays.asList(environment.getActiveProfiles()).contains("local")) {
                throw new IllegalStateException("No director exists yet: set COACHOS_ADMIN_EMAIL and "
                        + "COACHOS_ADMIN_PASSWORD to create the first one");
            }
            useEmail = LOCAL_EMAIL;
            usePassword = LOCAL_PASSWORD;
            log.warn("Local profile: creating the default director {} (never use the local profile outside a laptop)",
                    useEmail);
        }
        String hash = passwords.hash("COACHOS_ADMIN_PASSWORD", usePassword, useEmail);
        try {
            administration.createFirstDirector(useEmail, hash);
            log.info("Created the first director account {}", useEmail);
        } catch (DataIntegrityViolationException e) {
            log.info("Another instance created the first director at the same time");
        }
    }
}
