package dev.coachos.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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
    private final Map<String, List<String>> launches = new java.util.LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SuiteProcesses() {
        this(Path.of(System.getProperty("coachos.root", "..")));
    }

    SuiteProcesses(Path suiteRoot) {
        // A test JVM that is killed must not leave the suite running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        })));
        this.root = suiteRoot.toAbsolutePath().normalize();
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
        List<String> command = new ArrayList<>(List.of(java,
                "@" + root.resolve("jvm/aot.options"), "@" + root.resolve("jvm/service.options"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dreactor.netty.native=false"));
        List<String> launch = launch(module, jar);
        launches.put(module, launch);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(module + ".log").toFile());
        Map<String, String> env = new HashMap<>(environment);
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().put("MALLOC_ARENA_MAX", "2");
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

    /**
     * As {@code ./coachos up} starts a module: from its extracted jar with the ahead-of-time cache the
     * build trained (see the root pom), when that cache is newer than the jar; else the jar itself.
     */
    List<String> launch(String module, Path jar) {
        Path aot = root.resolve(module + "/target/aot/" + module + ".aot");
        Path extracted = root.resolve(module + "/target/aot/" + jar.getFileName());
        try {
            if (Files.exists(aot) && Files.exists(extracted)
                    && Files.getLastModifiedTime(aot).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                // AOTMode=on: a cache the JVM cannot use stops it, instead of a warning and a slow start.
                return List.of("-XX:AOTCache=" + aot, "-XX:AOTMode=on", "-jar", extracted.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-jar", jar.toString());
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

    /**
     * A real single-node Kafka broker (KRaft) from the jars in {@code platform/kafka-broker},
     * started the way {@code ./coachos up} starts it; returns its bootstrap address.
     */
    String startKafka() {
        Path lib = root.resolve("platform/kafka-broker/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: run the whole build (./mvnw verify)");
        }
        int port = freePort();
        int controller = freePort();
        try {
            Path dir = Files.createTempDirectory("coachos-kafka");
            Path config = dir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller", "node.id=1",
                    "controller.quorum.voters=1@localhost:" + controller,
                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controller,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"), "num.partitions=3",
                    "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1", "auto.create.topics.enable=false",
                    "group.initial.rebalance.delay.ms=0", "log.cleaner.dedupe.buffer.size=8388608", ""));
            Files.writeString(dir.resolve("logback.xml"), "<configuration><appender name=\"o\" "
                    + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%d %-5level %logger{36} - %msg%n"
                    + "</pattern></encoder></appender><root level=\"INFO\"><appender-ref ref=\"o\"/></root></configuration>");
            String java = ProcessHandle.current().info().command().orElse("java");
            String classpath = lib.resolve("*").toString();
            formatStorage(java, classpath, config, dir.resolve("data"));
            kafkaCommand = List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dlogback.configurationFile=" + dir.resolve("logback.xml"), "-cp", classpath, "kafka.Kafka",
                    config.toString());
            kafkaPort = port;
            startBroker();
            return "localhost:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Formats the broker's storage, trying up to three times with a fresh cluster id and an empty data
     * folder; when every try fails, the exception carries the tool's own words, so a CI log shows why.
     */
    private void formatStorage(String java, String classpath, Path config, Path data)
            throws IOException, InterruptedException {
        Path log = logs.resolve("kafka-format.log");
        String last = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            deleteRecursively(data);
            Process format = new ProcessBuilder(java, "-Xmx128m", "-cp", classpath, "kafka.tools.StorageTool",
                    "format", "-t", clusterId(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = format.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                format.destroyForcibly().waitFor();
            }
            if (exited && format.exitValue() == 0) {
                return;
            }
            List<String> lines = Files.readAllLines(log);
            last = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            Files.writeString(logs.resolve("kafka-format-" + attempt + ".log"), String.join("\n", lines));
        }
        throw new IllegalStateException("Could not format Kafka storage in three tries (free space in "
                + data.getParent() + ": " + Files.getFileStore(data.getParent()).getUsableSpace() / (1024 * 1024)
                + " MiB); the tool said:\n" + last);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /** A cluster id in Kafka's form: 16 random bytes, URL-safe Base64 without padding. */
    private static String clusterId() {
        return clusterId(java.util.UUID::randomUUID);
    }

    /**
     * About one id in 64 starts with {@code -}, which the storage tool's argument parser takes for an
     * option, failing the whole run; like Kafka's own generator, draw again until it does not.
     */
    static String clusterId(java.util.function.Supplier<java.util.UUID> random) {
        while (true) {
            java.util.UUID id = random.get();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16)
                    .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
            String encoded = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!encoded.startsWith("-")) {
                return encoded;
            }
        }
    }

    private List<String> kafkaCommand;
    private int kafkaPort;
    private Process kafka;

    /** Stops the broker (as an outage would), keeping its data for {@link #restartKafka()}. */
    void stopKafka() throws InterruptedException {
        kafka.destroy();
        if (!kafka.waitFor(60, TimeUnit.SECONDS)) {
            kafka.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the broker again on the same port and data. */
    void restartKafka() throws IOException {
        startBroker();
    }

    private void startBroker() throws IOException {
        kafka = new ProcessBuilder(kafkaCommand).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka.log").toFile())).start();
        started.add(kafka);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!kafka.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + logs);
            }
            try (java.net.Socket socket = new java.net.Socket("localhost", kafkaPort)) {
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("Kafka did not listen within 60 s; see " + logs);
    }

    /** How each started module was launched: its jar, and its ahead-of-time cache if one was used. */
    Map<String, List<String>> launches() {
        return Map.copyOf(launches);
    }

    /** What a started process has logged so far. */
    String log(String module) {
        try {
            return Files.readString(logs.resolve(module + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A loopback address other than 127.0.0.1: a process bound to 127.0.0.1 refuses it, one bound to
     * all interfaces accepts it. Tests never send traffic beyond loopback.
     */
    static InetAddress otherLoopbackAddress() {
        try {
            return InetAddress.getByName("127.0.0.2");
        } catch (java.net.UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something accepts a TCP connection at that address and port. */
    static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
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
