package dev.coachos.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import dev.coachos.platform.ReactiveServiceDefaults;
import dev.coachos.platform.security.TokenProperties;

/**
 * A request reaches a service only with a valid access token, unless its path is public, it posts
 * to a public POST path (a website enquiry), or it reads a public catalogue path (where a token is
 * optional but checked when sent). The services check the token again themselves: the gateway is
 * a first line, not the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    /** Tokens remembered at most; a client's token takes about 2 KB. */
    static final int TOKEN_CACHE_SIZE = 4096;

    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/fallback/**");

    @Bean
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http, GatewayProperties properties,
            ProblemWriter problems) {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(properties.publicPaths());
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // Spring's CORS filter in its place, answering a refused request with a problem document.
                .cors(cors -> cors.disable())
                .addFilterAt(new Refusals.Cors(cors(properties), problems), SecurityWebFiltersOrder.CORS)
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        .pathMatchers(HttpMethod.GET, readable(properties)).permitAll()
                        .pathMatchers(HttpMethod.HEAD, readable(properties)).permitAll()
                        .pathMatchers(HttpMethod.POST, postable(properties)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenConverter(new BearerTokens(properties.publicPaths(), properties.publicPostPaths()))
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** The public read paths; a pattern that matches nothing when there are none. */
    private static String[] readable(GatewayProperties properties) {
        return properties.publicReadPaths().isEmpty() ? new String[] {"/__no-public-reads__"}
                : properties.publicReadPaths().toArray(String[]::new);
    }

    /** The paths anyone may POST to; a pattern that matches nothing when there are none. */
    private static String[] postable(GatewayProperties properties) {
        return properties.publicPostPaths().isEmpty() ? new String[] {"/__no-public-posts__"}
                : properties.publicPostPaths().toArray(String[]::new);
    }

    /**
     * Token checks through {@link TokenCache}: a client's repeated requests with one token verify
     * its signature once (the services still check every token).
     */
    @Bean
    ReactiveJwtDecoder gatewayJwtDecoder(TokenProperties tokens, GatewayProperties properties) {
        return new TokenCache(ReactiveServiceDefaults.decoder(tokens), properties.tokenCacheTime(), TOKEN_CACHE_SIZE,
                Clock.systemUTC());
    }

    /**
     * No observation per security filter, authentication and authorization: on a proxy they cost
     * more than the request's own work and told nothing an operator reads (the gateway exports no
     * metrics and keeps no spans; a client's {@code traceparent} passes through to the services).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    static CorsConfigurationSource cors(GatewayProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.corsAllowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Accept"));
        config.setExposedHeaders(List.of("Location", "Retry-After"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}
