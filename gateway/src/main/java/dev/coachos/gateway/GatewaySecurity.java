package dev.coachos.gateway;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import reactor.core.publisher.Mono;

/**
 * A request reaches a service only with a valid access token, unless its path is public (or it
 * reads a public catalogue path, where a token is optional but checked when sent). The
 * services check the token again themselves: the gateway is a first line, not the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

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
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenConverter(ignoringPublicPaths(properties.publicPaths()))
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

    /**
     * Reads the bearer token except on public paths: a client that sends its expired access
     * token along with a refresh or login must not be refused for it.
     */
    static ServerAuthenticationConverter ignoringPublicPaths(List<String> publicPaths) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ServerWebExchangeMatcher open = ServerWebExchangeMatchers.pathMatchers(publicPaths.toArray(String[]::new));
        return exchange -> open.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
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
