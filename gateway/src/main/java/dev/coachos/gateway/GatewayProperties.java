package dev.coachos.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own settings ({@code coachos.gateway.*}).
 *
 * @param publicPaths           paths that need no token (login, refresh, password reset, keys)
 * @param publicReadPaths       paths anyone may GET without a token (the course catalogue); a
 *                              token sent along is still checked and passed on
 * @param publicPostPaths       paths anyone may POST to without a token (the website's enquiry
 *                              form); other methods there need one. A token sent along is not read
 * @param authPaths             paths under the strict per-IP limit
 * @param authLimit             requests per minute per client IP on the auth paths
 * @param enquiryPaths          paths under a strict per-IP limit of their own (website enquiries)
 * @param enquiryLimit          requests per minute per client IP on the enquiry paths
 * @param addressLimit          requests per minute per client IP on everything else, checked
 *                              before the token (a ceiling for floods of bad tokens)
 * @param userLimit             requests per minute per verified user
 * @param downstreamTimeout     how long a service may take before the caller gets a 504
 * @param corsAllowedOrigins    web origins allowed to call the API from a browser
 * @param strippedHeaderPrefixes client-sent request headers removed before routing, so no
 *                              service can mistake them for identity
 * @param tokenCacheTime        how long a checked token is remembered at most (never past its
 *                              expiry); zero checks every token every time
 */
@ConfigurationProperties("coachos.gateway")
public record GatewayProperties(
        List<String> publicPaths,
        List<String> publicReadPaths,
        List<String> publicPostPaths,
        List<String> authPaths,
        int authLimit,
        List<String> enquiryPaths,
        int enquiryLimit,
        int addressLimit,
        int userLimit,
        Duration downstreamTimeout,
        List<String> corsAllowedOrigins,
        List<String> strippedHeaderPrefixes,
        Duration tokenCacheTime) {

    public GatewayProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        publicReadPaths = publicReadPaths == null ? List.of() : List.copyOf(publicReadPaths);
        publicPostPaths = publicPostPaths == null ? List.of() : List.copyOf(publicPostPaths);
        authPaths = authPaths == null ? List.of("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout",
                "/api/v1/auth/password-reset/**") : List.copyOf(authPaths);
        authLimit = authLimit <= 0 ? 20 : authLimit;
        enquiryPaths = enquiryPaths == null ? List.of("/api/v1/enquiries") : List.copyOf(enquiryPaths);
        enquiryLimit = enquiryLimit <= 0 ? 10 : enquiryLimit;
        addressLimit = addressLimit <= 0 ? 3000 : addressLimit;
        userLimit = userLimit <= 0 ? 600 : userLimit;
        downstreamTimeout = downstreamTimeout == null ? Duration.ofSeconds(10) : downstreamTimeout;
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        strippedHeaderPrefixes = strippedHeaderPrefixes == null
                ? List.of("x-user", "x-auth", "x-coachos", "x-forwarded-user", "x-remote-user", "x-branch", "x-roles",
                        "x-permissions")
                : List.copyOf(strippedHeaderPrefixes);
        tokenCacheTime = tokenCacheTime == null ? Duration.ofSeconds(60) : tokenCacheTime;
    }
}
