package dev.coachos.platform.openapi;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.coachos.platform.security.TokenProperties;

/**
 * Who may call an operation, read from the same settings the service's security filter uses:
 * {@code coachos.security.public-paths} need no token (one sent along is ignored), and a GET or HEAD on
 * {@code coachos.security.public-read-paths} needs none but checks one that is sent.
 */
enum Access {

    /** No token: the operation's document says so with an empty security requirement. */
    PUBLIC,
    /** Anyone, but a token sent along is checked and used (staff see more). */
    TOKEN_OPTIONAL,
    /** A valid access token, and whatever permission the operation checks. */
    TOKEN_REQUIRED;

    private static final Pattern VARIABLE = Pattern.compile("\\{[^/}]+}");

    static Rules rules(TokenProperties properties) {
        return new Rules(parse(properties.publicPaths()), parse(properties.publicReadPaths()));
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    static boolean matchesAny(List<PathPattern> patterns, String pathTemplate) {
        // A path template such as /courses/{id} is matched as one concrete path of its shape.
        PathContainer path = PathContainer.parsePath(VARIABLE.matcher(pathTemplate).replaceAll("x"));
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    record Rules(List<PathPattern> publicPaths, List<PathPattern> publicReadPaths) {

        Access of(HttpMethod method, String pathTemplate) {
            if (matchesAny(publicPaths, pathTemplate)) {
                return PUBLIC;
            }
            boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
            return read && matchesAny(publicReadPaths, pathTemplate) ? TOKEN_OPTIONAL : TOKEN_REQUIRED;
        }
    }
}
