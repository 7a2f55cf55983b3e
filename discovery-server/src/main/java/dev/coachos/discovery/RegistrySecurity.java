package dev.coachos.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Nobody registers, renews, deregisters or reads an instance without the registry's credentials
 * (HTTP basic, {@link RegistryCredentials}), so no one who reaches the port can pose as a
 * service; health and info stay open for probes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class RegistrySecurity {

    static final String REALM = "coachos-registry";

    @Bean
    SecurityFilterChain registryFilterChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint refuse = RegistrySecurity::refuse;
        return http
                // Eureka clients write with basic credentials on every call; there is no session to forge.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(refuse))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refuse))
                .build();
    }

    @Bean
    UserDetailsService registryAccount(RegistryCredentials credentials, PasswordEncoder digests) {
        return new InMemoryUserDetailsManager(User.withUsername(credentials.user())
                .password(digests.encode(credentials.password()))
                .roles("REGISTRY")
                .build());
    }

    /**
     * Every instance presents the password every few seconds: a slow password hash would make each
     * heartbeat cost tens of milliseconds. The password is a machine secret, not a person's, so a
     * SHA-256 digest compared in constant time is enough.
     */
    @Bean
    PasswordEncoder digests() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return HexFormat.of().formatHex(sha256(raw));
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return encoded != null && MessageDigest.isEqual(sha256(raw), HexFormat.of().parseHex(encoded));
            }
        };
    }

    private static byte[] sha256(CharSequence raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 401 with the basic challenge and a problem document, as every refusal in the suite. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        response.setStatus(401);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        response.setContentType("application/problem+json");
        response.getOutputStream().write(("{\"type\":\"urn:coachos:problem:unauthenticated\",\"title\":\"Unauthenticated\","
                + "\"status\":401,\"detail\":\"The registry needs its credentials\"}").getBytes(StandardCharsets.UTF_8));
    }
}
