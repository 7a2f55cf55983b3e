package dev.coachos.gateway;

import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import dev.coachos.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request it cannot serve: a service that was too slow
 * gives 504, one that is down or whose breaker is open gives 503.
 */
@RestController
class Fallbacks {

    private static final Logger log = LoggerFactory.getLogger(Fallbacks.class);

    private final ProblemWriter writer;

    Fallbacks(ProblemWriter writer) {
        this.writer = writer;
    }

    @Operation(summary = "Answer for a route whose service is down or too slow", hidden = true)
    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause == null) {
            // Only a route's breaker forwards here; asked for directly, the path does not exist.
            return writer.write(exchange, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "No such resource");
        }
        log.warn("{} {} answered from the fallback: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), cause.toString());
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
                return writer.write(exchange, HttpStatus.GATEWAY_TIMEOUT, Problems.GATEWAY_TIMEOUT, "Gateway timeout",
                        "The service did not answer in time; try again");
            }
        }
        try {
            exchange.getResponse().getHeaders().set("Retry-After", "5");
        } catch (UnsupportedOperationException closed) {
            // The exchange is over (the client went away, or an answer had already started): nobody to tell.
            return Mono.empty();
        }
        return writer.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                "Service unavailable", "The service is not available right now; try again shortly");
    }
}
