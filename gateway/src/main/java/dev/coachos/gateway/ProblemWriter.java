package dev.coachos.gateway;

import java.net.URI;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.coachos.platform.web.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own refusals as problem documents, in the same shape the services use. */
@Component
class ProblemWriter implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean badToken = ex instanceof InvalidBearerTokenException;
        exchange.getResponse().getHeaders().set("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return write(exchange, HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "Unauthenticated",
                badToken ? "The access token is invalid or has expired" : "A valid access token is required");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                "You do not have the permission this request needs");
    }

    Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds) {
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS, "Too many requests",
                "Slow down: try again in " + retryAfterSeconds + " s");
    }

    Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail) {
        return write(exchange, Problems.detail(status, type, title, detail), true);
    }

    /**
     * Writes {@code problem} unless the answer has already started. With {@code naming} the
     * problem's {@code instance} is the request's path; without, it has none (for a request refused
     * because of its address, which is not repeated back).
     */
    Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, boolean naming) {
        if (naming) {
            try {
                problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            } catch (IllegalArgumentException notAUri) {
                // A path that is no URI is not named.
            }
        }
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        try {
            response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        } catch (UnsupportedOperationException closed) {
            // The exchange is over (the client hung up while the service was answering): nobody to tell.
            return Mono.empty();
        }
        DataBuffer buffer = response.bufferFactory().wrap(json(problem));
        return response.writeWith(Mono.just(buffer));
    }

    /** The problem as the JSON the gateway sends. */
    byte[] json(ProblemDetail problem) {
        return json.writeValueAsBytes(problem);
    }
}
