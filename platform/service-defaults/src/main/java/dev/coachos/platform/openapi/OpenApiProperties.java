package dev.coachos.platform.openapi;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about itself ({@code coachos.openapi.*}). Every value has a default, so
 * a service needs none of them.
 *
 * @param serverUrl   the only server the document names: the gateway, as clients reach it. Default: the
 *                    {@code COACHOS_PUBLIC_URL} environment variable, else {@code http://localhost:8080}
 * @param title       default: {@code Coaching Center OS: <spring.application.name>}
 * @param description default: one paragraph on how to call the service (token, gateway, problems)
 * @param version     default: the version in the service jar's manifest, else {@code development}
 * @param paths       the request paths (path patterns) the document lists; default {@code /api/**}, which is all
 *                    the gateway routes to a service (an address such as {@code /.well-known/jwks.json} that only
 *                    other services call stays out, since "Try it out" through the gateway could not reach it)
 */
@ConfigurationProperties("coachos.openapi")
public record OpenApiProperties(
        String serverUrl,
        String title,
        String description,
        String version,
        List<String> paths) {

    public OpenApiProperties {
        paths = paths == null || paths.isEmpty() ? List.of("/api/**") : List.copyOf(paths);
    }
}
