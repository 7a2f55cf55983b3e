package dev.coachos.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * Publishes a JWK set over real HTTP, standing in for identity-service's key endpoint in tests
 * of the other services. What it serves can change while it runs (key rotation).
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private volatile Supplier<String> keys;

    public JwksServer(Supplier<String> keys) {
        this.keys = keys;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            byte[] body = this.keys.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    public void publish(Supplier<String> keys) {
        this.keys = keys;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
