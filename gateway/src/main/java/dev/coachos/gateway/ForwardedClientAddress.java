package dev.coachos.gateway;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A routed request tells its service who the client is in one {@code X-Forwarded-For} value: the
 * address the gateway limits by ({@link TrustedProxies}), never what the client wrote in that header.
 * Services record it with what a user did (the audit trail's client address). Spring Cloud Gateway
 * removes every X-Forwarded-* header a client sent (its own trusted proxies are not set) and appends
 * none (application.yml); this runs after that removal, on the headers the service will receive.
 */
@Component
class ForwardedClientAddress implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";

    private final TrustedProxies proxies;

    ForwardedClientAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(HEADER, proxies.clientAddress(exchange));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
