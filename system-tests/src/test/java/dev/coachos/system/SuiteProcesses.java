package dev.coachos.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the suite's packaged jars as separate operating-system processes, the way
 * {@code ./coachos up} does, and stops them again. Each process logs to
 * {@code system-tests/target/suite-logs/<name>.log}.
 */
final class SuiteProcesses implements AutoCloseable {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Path root;
    private final Path logs;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SuiteProcesses() {
        this.root = Path.of(System.getProperty("coachos.root", "..")).toAbsolutePath().normalize();
        this.logs = root.resolve("system-tests/target/suite-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts one service jar with the given environment and waits until its health URL answers 200. */
    Process start(String module, Map<String, String> environment, String healthUrl) {
        Path jar = root.resolve(module + "/target/" + module + "-" + VERSION + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the whole build (./mvnw verify) so that "
                    + "the services are packaged before the system tests");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dreactor.netty.native=false", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(module + ".log").toFile());
        Map<String, String> env = new HashMap<>(environment);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            started.add(process);
            awaitHealthy(module, process, healthUrl);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(String module, Process process, String url) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + logs);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(module + " was not healthy within 180 s; see " + logs);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
