package dev.coachos.platform.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.coachos.testing.ApiClient;

/**
 * One HTTP/1.1 exchange over a plain socket, sent byte for byte as written: for the requests a
 * client library would normalise or refuse to send (an encoded slash, a NUL, {@code ..}, a
 * broken escape, an oversized request line, a header with control characters).
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends a request line and headers (each ending in CRLF, without the blank line) with no
     * body, and reads the answer until the server closes the connection.
     */
    static ApiClient.Response send(int port, String requestLineAndHeaders) {
        String request = requestLineAndHeaders + "Host: localhost\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiClient.Response parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("Not an HTTP answer: " + text);
        }
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim(), List.of(head[i].substring(colon + 1).trim()));
        }
        byte[] body = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        boolean chunked = headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                && h.getValue().getFirst().equalsIgnoreCase("chunked"));
        return new ApiClient.Response(status, headers,
                new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
