package dev.coachos.gateway;

import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import dev.coachos.platform.web.Problems;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Every error the gateway itself produces (no route, no instance, timeout, connection refused, a
 * method a gateway path does not take) reaches the client as a problem document; nothing leaks a
 * stack trace. Requests refused before this handler is reached are in {@link Refusals}.
 */
@Component
@Order(-2)
class ErrorProblems implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    private final ProblemWriter writer;

    ErrorProblems(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (clientGone(ex)) {
            // The caller hung up: there is nobody to answer, and nothing went wrong in the gateway.
            log.debug("{} {}: the client went away", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
            return Mono.empty();
        }
        HttpStatusCode status = statusOf(ex);
        if (status.value() == 404) {
            return writer.write(exchange, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "No such resource");
        }
        if (status.value() == 504) {
            return writer.write(exchange, HttpStatus.GATEWAY_TIMEOUT, Problems.GATEWAY_TIMEOUT, "Gateway timeout",
                    "The service did not answer in time; try again");
        }
        if (status.value() == 503 || status.value() == 502) {
            return writer.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                    "Service unavailable", "The service is not available right now; try again shortly");
        }
        if (status.is4xxClientError()) {
            if (ex instanceof ResponseStatusException rse) {
                // 405 names the methods that are allowed.
                rse.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
            }
            return writer.write(exchange, Problems.forStatus(status.value()), true);
        }
        log.error("Unexpected gateway error on {}", exchange.getRequest().getPath(), ex);
        return writer.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, Problems.UNEXPECTED, "Unexpected error",
                "Something went wrong in the gateway");
    }

    private static boolean clientGone(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof AbortedException) {
                return true;
            }
        }
        return false;
    }

    private static HttpStatusCode statusOf(Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            return rse.getStatusCode();
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            if (t instanceof java.net.ConnectException || t.getClass().getName().contains("ConnectException")) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
