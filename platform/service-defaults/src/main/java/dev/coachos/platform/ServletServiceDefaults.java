package dev.coachos.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.security.PublicPathsBearerResolver;
import dev.coachos.platform.security.TokenAuthorities;
import dev.coachos.platform.security.TokenProperties;
import dev.coachos.platform.security.TokenValidation;
import dev.coachos.platform.web.DataProblemHandler;
import dev.coachos.platform.web.DateParameters;
import dev.coachos.platform.web.ErrorProblems;
import dev.coachos.platform.web.ParameterCheck;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.PagingArgumentResolver;
import dev.coachos.platform.web.ProblemHandler;
import dev.coachos.platform.web.ProblemReportValve;
import dev.coachos.platform.web.ProblemResponses;
import dev.coachos.platform.web.RequestSizeLimit;
import dev.coachos.platform.web.StrictJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Servlet services: every request needs a valid access token unless its path is public,
 * method security is on for permission checks, JSON and parameters are read strictly, and every
 * error is a problem document, whether a controller, a filter, the error page or Tomcat raised it.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class},
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class ServletServiceDefaults {

    static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(TokenProperties properties, ObjectProvider<JWKSource<SecurityContext>> localKeys) {
        JWKSource<SecurityContext> keys = localKeys.getIfUnique();
        NimbusJwtDecoder decoder;
        if (keys != null) {
            // The service that issues tokens checks them against its own keys, without a network hop.
            decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(TokenValidation.ALGORITHM).build();
        } else {
            if (properties.jwkSetUri() == null) {
                throw new IllegalStateException("Set coachos.security.jwk-set-uri to identity-service's JWKS address");
            }
            SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(Duration.ofSeconds(3));
            requests.setReadTimeout(Duration.ofSeconds(5));
            // Keys are cached; a token with an unknown key id makes the decoder fetch the set again.
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                    .jwsAlgorithm(TokenValidation.ALGORITHM)
                    .restOperations(new RestTemplate(requests))
                    .build();
        }
        decoder.setJwtValidator(TokenValidation.validator(properties));
        decoder.setClaimSetConverter(TokenValidation.claims());
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    /** The error page: a problem document for whatever status ends there (in place of Spring Boot's). */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ErrorProblems errorProblems(ProblemResponses problems) {
        return new ErrorProblems(problems);
    }

    /** Request bodies are read strictly: see {@link StrictJson}. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::configure;
    }

    @Bean
    @ConditionalOnClass(name = {"org.springframework.dao.DataIntegrityViolationException",
            "org.springframework.data.core.PropertyReferenceException"})
    DataProblemHandler dataProblemHandler() {
        return new DataProblemHandler();
    }

    /** List endpoints take their page, size and sort as one {@link Paging} parameter. */
    @Bean
    WebMvcConfigurer pagingParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PagingArgumentResolver());
            }
        };
    }

    /** Dates in parameters and path variables are ISO-8601 and within {@link dev.coachos.platform.web.Dates}. */
    @Bean
    WebMvcConfigurer dateParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(new DateParameters());
            }
        };
    }

    /** Parameters are decoded once, up front: a malformed query string or a NUL in one is a 400. */
    @Bean
    FilterRegistrationBean<ParameterCheck> parameterCheck(ProblemResponses problems) {
        FilterRegistrationBean<ParameterCheck> registration = new FilterRegistrationBean<>(new ParameterCheck(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${coachos.http.max-request-bytes:1048576}") long maxBytes, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(maxBytes, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenProperties properties, ProblemResponses problems)
            throws Exception {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(properties.publicPaths());
        // A pattern that matches nothing stands in when a service has no public reads.
        String[] readable = properties.publicReadPaths().isEmpty() ? new String[] {"/__no-public-reads__"}
                : properties.publicReadPaths().toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .requestMatchers(HttpMethod.GET, readable).permitAll()
                        .requestMatchers(HttpMethod.HEAD, readable).permitAll()
                        // Metrics (consumer lag, dead letters, ...) are for operators only.
                        .requestMatchers("/actuator/**").access((authentication, context) ->
                                new AuthorizationDecision(Caller.allows(authentication.get().getAuthorities().stream()
                                        .map(GrantedAuthority::getAuthority).toList(), "read:metrics")))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new PublicPathsBearerResolver(open))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(TokenAuthorities.converter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Tomcat's own error report (for requests it refuses before any servlet) as a problem document:
     * the HTML report Spring Boot installs on the host is replaced by {@link ProblemReportValve}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrorReport {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(JsonMapper json) {
            return new Installer(json);
        }

        /** Ordered last, so that it runs after Spring Boot's customizer has added the HTML report. */
        private record Installer(JsonMapper json) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
                Ordered {

            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Pipeline pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    // The host adds a report valve of this class when it starts, unless it finds one already.
                    if (context.getParent() instanceof StandardHost host) {
                        host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    }
                    pipeline.addValve(new ProblemReportValve(json));
                });
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        }
    }
}
