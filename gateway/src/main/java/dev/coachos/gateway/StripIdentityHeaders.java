package dev.coachos.gateway;

import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Removes client-sent headers that a service might read as identity (X-User-Id and the like)
 * before a request is routed. Services take identity only from the verified token anyway; this
 * keeps a careless one from being fooled.
 */
@Component
class StripIdentityHeaders implements GlobalFilter, Ordered {

    private final List<String> prefixes;

    StripIdentityHeaders(GatewayProperties properties) {
        this.prefixes = properties.strippedHeaderPrefixes().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getHeaders().headerNames().stream().noneMatch(this::stripped)) {
            return chain.filter(exchange); // the usual case: nothing to copy
        }
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.headerNames().removeIf(this::stripped))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    boolean stripped(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return prefixes.stream().anyMatch(name::startsWith);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
