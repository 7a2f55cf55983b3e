package dev.coachos.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a deployable module's code reads, as far as the manifests are concerned: the environment
 * variables it takes, and how long its graceful shutdown may last.
 *
 * @param module          the module's folder, relative to the repository's root
 * @param variables       the environment variables its code reads
 * @param shutdownTimeout Spring's shutdown phase (spring.lifecycle.timeout-per-shutdown-phase), or
 *                        null for a program that is not a Spring service (the database bootstrap)
 */
record ModuleFacts(String module, Set<String> variables, Duration shutdownTimeout) {

    /** Variables the JVM and Spring Boot read in every module; documented there, not in our files. */
    static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE");

    /** {@code ${NAME} or ${NAME:default}} in a YAML file or a Java string: a variable, in upper case. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** {@code getProperty("NAME"} and {@code getOrDefault("NAME"} or {@code get("NAME"} in Java code. */
    private static final Pattern LOOKUP = Pattern.compile("(?:getProperty|getOrDefault|getenv|get)\\(\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern SHUTDOWN_YAML = Pattern.compile("timeout-per-shutdown-phase:\\s*(\\S+)");
    private static final Pattern SHUTDOWN_DEFAULT =
            Pattern.compile("\"spring\\.lifecycle\\.timeout-per-shutdown-phase\",\\s*\"([^\"]+)\"");
    private static final Pattern BOOTSTRAP_SERVICES = Pattern.compile("SERVICES\\s*=\\s*List\\.of\\(([^)]*)\\)");
    private static final Pattern BOOTSTRAP_OWNERS = Pattern.compile("SEPARATE_OWNER\\s*=\\s*Set\\.of\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([a-z0-9-]+)\"");

    /** Looks modules up by a workload's name (its app.kubernetes.io/name) in a checkout of the repository. */
    interface Lookup {
        Optional<ModuleFacts> forWorkload(String name);
    }

    /**
     * Reads a checkout: a workload named N is the module in folder N or platform/N. A Spring service
     * reads the variables in its application*.yml and those platform/service-defaults and
     * platform/messaging read; the database bootstrap, a plain program, reads the names in its code
     * and COACHOS_&lt;SERVICE&gt;_DB_PASSWORD (and _OWNER_DB_PASSWORD) for the services it lists.
     */
    static Lookup fromRepository(Path root) {
        return name -> Stream.of(name, "platform/" + name)
                .filter(folder -> Files.isDirectory(root.resolve(folder).resolve("src/main")))
                .findFirst()
                .map(folder -> read(root, folder));
    }

    private static ModuleFacts read(Path root, String folder) {
        Path module = root.resolve(folder);
        List<Path> configs = files(module.resolve("src/main/resources"), "application", ".yml");
        if (configs.isEmpty()) {
            return new ModuleFacts(folder, plainProgramVariables(module), null);
        }
        Set<String> variables = new TreeSet<>();
        Duration shutdown = null;
        for (Path config : configs) {
            String text = read(config);
            variables.addAll(all(PLACEHOLDER, text));
            Matcher matcher = SHUTDOWN_YAML.matcher(text);
            if (matcher.find()) {
                shutdown = duration(matcher.group(1));
            }
        }
        for (String platform : List.of("platform/service-defaults", "platform/messaging")) {
            for (Path source : files(root.resolve(platform).resolve("src/main/java"), "", ".java")) {
                String text = read(source);
                variables.addAll(all(PLACEHOLDER, text));
                variables.addAll(all(LOOKUP, text));
                Matcher matcher = SHUTDOWN_DEFAULT.matcher(text);
                if (shutdown == null && matcher.find()) {
                    shutdown = duration(matcher.group(1));
                }
            }
        }
        if (shutdown == null) {
            throw new IllegalStateException("No spring.lifecycle.timeout-per-shutdown-phase for " + folder
                    + " in its application*.yml or in platform/service-defaults");
        }
        return new ModuleFacts(folder, variables, shutdown);
    }

    private static Set<String> plainProgramVariables(Path module) {
        Set<String> variables = new TreeSet<>();
        for (Path source : files(module.resolve("src/main/java"), "", ".java")) {
            String text = read(source);
            variables.addAll(all(LOOKUP, text));
            Set<String> services = quoted(BOOTSTRAP_SERVICES, text);
            Set<String> owners = quoted(BOOTSTRAP_OWNERS, text);
            for (String service : services) {
                variables.add("COACHOS_" + service.toUpperCase(Locale.ROOT) + "_DB_PASSWORD");
            }
            for (String service : owners) {
                variables.add("COACHOS_" + service.toUpperCase(Locale.ROOT) + "_OWNER_DB_PASSWORD");
            }
        }
        return variables;
    }

    private static Set<String> quoted(Pattern declaration, String text) {
        Matcher matcher = declaration.matcher(text);
        return matcher.find() ? all(QUOTED, matcher.group(1)) : Set.of();
    }

    /** "20s", "1m", "500ms" or an ISO-8601 duration, as Spring reads them. */
    static Duration duration(String value) {
        String text = value.strip().replace("\"", "");
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a duration: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new HashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<Path> files(Path folder, String prefix, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
