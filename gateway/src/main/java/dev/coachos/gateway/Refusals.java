package dev.coachos.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.coachos.platform.web.Problems;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

/**
 * Requests the gateway refuses before any route or controller sees them, answered as problem
 * documents like every other error (they used to get an empty body): addresses Spring Security's
 * firewall rejects ({@code ..}, encoded {@code /}, {@code \}, {@code %}, NUL, {@code ;}, {@code //}),
 * methods it does not allow, requests Reactor Netty cannot decode (a request line over 4 KB,
 * headers over 8 KB, a broken {@code Content-Length}) or Spring cannot read (a target with a broken
 * {@code %} escape), and CORS requests from an origin that may not call the API.
 */
@Configuration(proxyBeanMethods = false)
class Refusals {

    /** The methods the firewall lets through; anything else is a 405. */
    static final Set<HttpMethod> ALLOWED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    /** Requests Spring Security's firewall rejects: 405 for a method it does not allow, else 400. */
    @Bean
    ServerExchangeRejectedHandler firewallRefusals(ProblemWriter problems) {
        return (exchange, rejected) -> {
            if (!ALLOWED_METHODS.contains(exchange.getRequest().getMethod())) {
                exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                return problems.write(exchange, Problems.forStatus(405), true);
            }
            // The address is what is wrong: it is not repeated back.
            return problems.write(exchange, Problems.forStatus(400), false);
        };
    }

    /**
     * Requests answered below Spring, with a status and no body: those Reactor Netty cannot decode,
     * and those whose target is no URI (a broken {@code %} escape), which Spring's adapter refuses.
     */
    @Bean
    NettyServerCustomizer bareRefusals(ProblemWriter problems) {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "coachos.bareRefusals", new BareRefusals(problems));
            }
        });
    }

    /**
     * One per connection, between the HTTP codec and Reactor Netty: notes which requests cannot be
     * handled, in order (HTTP/1.1 answers in the order it was asked), and gives the empty error
     * answer to each of those a problem body. A HEAD request never gets a body.
     */
    static final class BareRefusals extends ChannelDuplexHandler {

        /** A request read and not answered yet: whether it is refused, and whether it is a HEAD. */
        private record Pending(boolean refused, boolean head) {
        }

        private final ProblemWriter problems;
        private final Deque<Pending> pending = new ArrayDeque<>();

        BareRefusals(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                pending.addLast(new Pending(request.decoderResult().isFailure() || !isUri(request.uri()),
                        HttpMethod.HEAD.name().equals(request.method().name())));
            } else if (msg instanceof HttpObject part && part.decoderResult().isFailure() && !pending.isEmpty()) {
                pending.addLast(new Pending(true, pending.removeLast().head()));
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                Pending answered = pending.pollFirst();
                if (answered != null && answered.refused() && !answered.head() && msg instanceof FullHttpResponse full
                        && full.status().code() >= 400 && !full.content().isReadable()) {
                    byte[] body = problems.json(Problems.forStatus(full.status().code()));
                    FullHttpResponse withBody = full.replace(Unpooled.wrappedBuffer(body));
                    withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    full.release();
                    ctx.write(withBody, promise);
                    return;
                }
            }
            ctx.write(msg, promise);
        }

        private static boolean isUri(String target) {
            try {
                new URI(target);
                return true;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }

    /**
     * CORS as Spring's {@code CorsWebFilter} does it, in its place in the security chain, except
     * that a refused request gets a 403 problem instead of an empty answer.
     */
    static final class Cors implements WebFilter {

        private final CorsConfigurationSource source;
        private final CorsProcessor processor = new DefaultCorsProcessor();
        private final ProblemWriter problems;

        Cors(CorsConfigurationSource source, ProblemWriter problems) {
            this.source = source;
            this.problems = problems;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            ServerHttpRequest request = exchange.getRequest();
            if (!processor.process(source.getCorsConfiguration(exchange), exchange)) {
                return problems.write(exchange, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                        "This origin, method or header may not be used to call the API from a browser");
            }
            return CorsUtils.isPreFlightRequest(request) ? Mono.empty() : chain.filter(exchange);
        }
    }
}
