package dev.coachos.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lints an OpenAPI document with the {@code @redocly/cli} version pinned in {@code tools/api-lint} and its
 * {@code redocly.yaml} (Redocly's recommended rules), the way a client's tooling would read it. The first run
 * installs the pinned linter there with {@code npm ci}. Needs Node.js and npm on the {@code PATH}.
 */
public final class ApiDocsLint {

    /** Where the linter lives, when a test does not run somewhere below the repository's root. */
    public static final String DIRECTORY_PROPERTY = "coachos.api-lint.dir";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String CLI = "node_modules/@redocly/cli/bin/cli.js";
    private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+).*");

    private ApiDocsLint() {
    }

    /**
     * Writes the document to {@code target/api-lint/<name>.json}, lints it, and fails with every problem the
     * linter reported when it reported an error. Warnings are printed and returned.
     */
    /** The bearer JWT scheme every protected operation of a service's document refers to. */
    public static void assertBearerScheme(JsonNode document) {
        JsonNode scheme = document.at("/components/securitySchemes/bearerAuth");
        if (!"bearer".equals(scheme.path("scheme").asString()) || !"JWT".equals(scheme.path("bearerFormat").asString())) {
            throw new AssertionError("no bearer JWT scheme named bearerAuth: " + scheme);
        }
    }

    /**
     * The gateway (COACHOS_PUBLIC_URL, else http://localhost:8080) is the document's only server,
     * never the service's own port, so "Try it out" goes through the gateway.
     */
    public static void assertGatewayIsTheOnlyServer(JsonNode document, int servicePort) {
        String expected = System.getenv().getOrDefault("COACHOS_PUBLIC_URL", "http://localhost:8080");
        JsonNode servers = document.path("servers");
        String url = document.at("/servers/0/url").asString();
        if (servers.size() != 1 || !expected.equals(url) || url.contains(":" + servicePort)) {
            throw new AssertionError("expected the one server " + expected + ", found " + servers);
        }
    }

    public static Result assertClean(String name, String document) {
        Result result = lint(name, document);
        if (result.errors() > 0) {
            throw new AssertionError("""
                    The OpenAPI document of %s has %d error(s) and %d warning(s) by @redocly/cli lint \
                    (rules: tools/api-lint/redocly.yaml; document: %s):
                    %s""".formatted(name, result.errors(), result.warnings(), result.document(),
                    String.join("\n", result.problems())));
        }
        if (result.warnings() > 0) {
            System.out.printf("OpenAPI document of %s: %d warning(s)%n%s%n", name, result.warnings(),
                    String.join("\n", result.problems()));
        }
        return result;
    }

    /** Lints without judging: the counts and one line per problem. */
    public static Result lint(String name, String document) {
        Path tool = toolDirectory();
        Path file = write(name, document);
        requireNode();
        install(tool);
        Path errors = file.resolveSibling(name + ".lint-stderr.txt");
        Outcome run = run(tool, errors, List.of("node", tool.resolve(CLI).toString(), "lint",
                "--config", tool.resolve("redocly.yaml").toString(), "--format", "json", "--max-problems", "10000",
                file.toString()), 120);
        JsonNode report;
        try {
            report = JSON.readTree(run.output());
        } catch (JacksonException e) {
            throw new AssertionError("@redocly/cli lint of " + file + " exited with " + run.exitCode()
                    + " and no report:\n" + run.output() + "\n" + read(errors));
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            JsonNode location = problem.path("location").path(0);
            problems.add("  %-7s %s: %s (at %s)".formatted(problem.path("severity").asString(),
                    problem.path("ruleId").asString(), problem.path("message").asString(),
                    where(location.path("pointer").asString())));
        }
        return new Result(report.path("totals").path("errors").asInt(), report.path("totals").path("warnings").asInt(),
                problems, file);
    }

    /**
     * {@code #/paths/~1api~1v1~1users~1{id}/get/summary} reads as {@code GET /api/v1/users/{id} › summary}.
     */
    static String where(String pointer) {
        String path = pointer.replaceFirst("^#/?", "");
        if (path.isEmpty()) {
            return "the document";
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            parts.add(part.replace("~1", "/").replace("~0", "~"));
        }
        if (parts.size() >= 3 && parts.get(0).equals("paths")) {
            String operation = parts.get(2).toUpperCase() + " " + parts.get(1);
            List<String> rest = parts.subList(3, parts.size());
            return rest.isEmpty() ? operation : operation + " › " + String.join(" › ", rest);
        }
        return String.join(" › ", parts);
    }

    private static Path write(String name, String document) {
        try {
            Path file = Path.of("target", "api-lint", name + ".json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            // Indented, so that a reader (or the linter's own line numbers) can find a problem.
            Files.writeString(file, JSON.writeValueAsString(JSON.readTree(document)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new AssertionError("The OpenAPI document of " + name + " is not JSON: " + document, e);
        }
    }

    private static Path toolDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools").resolve("api-lint");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new AssertionError("No tools/api-lint/package.json in " + Path.of("").toAbsolutePath()
                + " or a folder above it; set -D" + DIRECTORY_PROPERTY + " to the folder that has it");
    }

    private static void requireNode() {
        for (String command : List.of("node", "npm")) {
            Outcome version;
            try {
                version = run(Path.of("").toAbsolutePath(), null, List.of(command, "--version"), 60);
            } catch (UncheckedIOException e) {
                version = new Outcome(-1, e.getCause().getMessage());
            }
            if (version.exitCode() != 0) {
                throw new AssertionError("""
                        The OpenAPI lint needs Node.js (20.19+ or 22.12+) and npm on the PATH, to run the \
                        @redocly/cli pinned in tools/api-lint, and `%s --version` did not answer (%s). Install \
                        them (see https://nodejs.org; a distribution's package may be too old) and run again."""
                        .formatted(command, version.output().strip()));
            }
            if (command.equals("node") && !supported(version.output().strip())) {
                throw new AssertionError("The OpenAPI lint runs @redocly/cli (pinned in tools/api-lint), which needs "
                        + "Node.js 20.19+ or 22.12+; the node on the PATH is " + version.output().strip());
            }
        }
    }

    /** The Node.js versions the pinned @redocly/cli declares it runs on: 20.19+ (not 21) or 22.12+. */
    static boolean supported(String nodeVersion) {
        Matcher version = NODE_VERSION.matcher(nodeVersion);
        if (!version.matches()) {
            return false;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        return (major == 20 && minor >= 19) || (major == 22 && minor >= 12) || major > 22;
    }

    /**
     * Runs {@code npm ci} when the linter is missing or older than the lock file. Test JVMs of several modules may
     * start at once: a lock file outside the repository lets one install while the others wait.
     */
    private static void install(Path tool) {
        Path installed = tool.resolve("node_modules").resolve(".package-lock.json");
        Path lock = Path.of(System.getProperty("java.io.tmpdir"),
                "coachos-api-lint-" + Integer.toHexString(tool.toString().hashCode()) + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (Files.isRegularFile(tool.resolve(CLI)) && Files.isRegularFile(installed)
                    && !modified(installed).toInstant().isBefore(modified(tool.resolve("package-lock.json")).toInstant())) {
                return;
            }
            Outcome npm = run(tool, null, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
            if (npm.exitCode() != 0 || !Files.isRegularFile(tool.resolve(CLI))) {
                throw new AssertionError("npm ci in " + tool + " failed (exit " + npm.exitCode() + "):\n" + npm.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file);
    }

    private static Outcome run(Path directory, Path stderr, List<String> command, int timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        // No usage reports or update notices from a test run.
        env.put("REDOCLY_TELEMETRY", "off");
        env.put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        env.put("NO_COLOR", "1");
        try {
            Path output = Files.createTempFile("api-lint", ".out");
            try {
                builder.redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
                if (stderr == null) {
                    builder.redirectErrorStream(true);
                } else {
                    builder.redirectError(stderr.toFile());
                }
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
                }
                return new Outcome(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private record Outcome(int exitCode, String output) {
    }

    /**
     * What the linter found.
     *
     * @param problems one line per problem: severity, rule, message and where in the document
     * @param document the linted file
     */
    public record Result(int errors, int warnings, List<String> problems, Path document) {
    }
}
