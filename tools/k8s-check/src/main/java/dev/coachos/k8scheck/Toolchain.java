package dev.coachos.k8scheck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The two outside programs the check runs, both offline: {@code kubectl kustomize} renders an
 * overlay, and {@code node validate.mjs} (tools/k8s-check, its packages pinned in
 * package-lock.json and installed by {@code npm ci} when missing) validates what it rendered.
 * A program that is missing fails the check with a message saying what to install.
 */
final class Toolchain {

    /** How a program ended, what it printed, and what it printed on standard error when that was kept apart. */
    record Outcome(int exitCode, String output, String errors) {

        Outcome(int exitCode, String output) {
            this(exitCode, output, "");
        }
    }

    private final Path tool;
    private final String kubectl;

    /**
     * @param tool    the folder tools/k8s-check (package.json, validate.mjs, schemas/)
     * @param kubectl the kubectl to run: "kubectl" from the PATH unless the system property
     *                coachos.kubectl names another
     */
    Toolchain(Path tool, String kubectl) {
        this.tool = tool;
        this.kubectl = kubectl;
    }

    Toolchain(Path tool) {
        this(tool, System.getProperty("coachos.kubectl", "kubectl"));
    }

    /** The overlay rendered as one multi-document YAML text. */
    String render(Path kustomization) {
        requireKubectl();
        Outcome outcome = run(tool, List.of(kubectl, "kustomize", kustomization.toString()), 120, false);
        if (outcome.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + kustomization + " failed (exit " + outcome.exitCode() + "):\n"
                    + outcome.errors());
        }
        return outcome.output();
    }

    /** Runs the schema validation over rendered files; exit code 0 when every document is valid. */
    Outcome validate(List<Path> files) {
        requireNode();
        install();
        List<String> command = new ArrayList<>(List.of("node", tool.resolve("validate.mjs").toString()));
        files.forEach(file -> command.add(file.toString()));
        return run(tool, command, 300, true);
    }

    private void requireKubectl() {
        Outcome version = tryRun(List.of(kubectl, "version", "--client"));
        if (version.exitCode() != 0) {
            throw new AssertionError("""
                    The Kubernetes manifest check renders k8s/overlays/* with `kubectl kustomize` (kubectl 1.27 or \
                    newer, for kustomize v5), and `%s version --client` did not answer (%s). Install kubectl \
                    (.ci/run does when it is missing) and run again.""".formatted(kubectl, version.output().strip()));
        }
    }

    private void requireNode() {
        for (String command : List.of("node", "npm")) {
            Outcome version = tryRun(List.of(command, "--version"));
            if (version.exitCode() != 0) {
                throw new AssertionError("""
                        The Kubernetes manifest check validates the rendered manifests with Node.js (20.19 or newer) \
                        and the packages pinned in tools/k8s-check, and `%s --version` did not answer (%s). Install \
                        Node.js and npm and run again.""".formatted(command, version.output().strip()));
            }
        }
    }

    /**
     * {@code npm ci} when the packages are missing or older than the lock file. Test JVMs may run at
     * once: a lock file outside the repository lets one install while the others wait.
     */
    private void install() {
        Path installed = tool.resolve("node_modules").resolve(".package-lock.json");
        Path lock = Path.of(System.getProperty("java.io.tmpdir"),
                "coachos-k8s-check-" + Integer.toHexString(tool.toString().hashCode()) + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (Files.isRegularFile(installed) && !Files.getLastModifiedTime(installed)
                    .toInstant().isBefore(Files.getLastModifiedTime(tool.resolve("package-lock.json")).toInstant())) {
                return;
            }
            Outcome npm = run(tool, List.of("npm", "ci", "--no-audit", "--no-fund"), 600, true);
            if (npm.exitCode() != 0) {
                throw new AssertionError("npm ci in " + tool + " failed (exit " + npm.exitCode() + "):\n" + npm.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome tryRun(List<String> command) {
        try {
            return run(tool, command, 60, true);
        } catch (UncheckedIOException e) {
            return new Outcome(-1, e.getCause().getMessage());
        }
    }

    /** Runs a program to its end; {@code mergeErrors} false keeps standard error out of the output (rendered YAML). */
    private static Outcome run(Path directory, List<String> command, int timeoutSeconds, boolean mergeErrors) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(mergeErrors);
        builder.environment().put("NO_COLOR", "1");
        try {
            Path output = Files.createTempFile("k8s-check", ".out");
            Path errors = Files.createTempFile("k8s-check", ".err");
            try {
                builder.redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                if (!mergeErrors) {
                    builder.redirectError(errors.toFile());
                }
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
                }
                return new Outcome(process.exitValue(), Files.readString(output), Files.readString(errors));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
