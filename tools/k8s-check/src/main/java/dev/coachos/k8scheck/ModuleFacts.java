package dev.coachos.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * What a deployable module's code reads, as far as the manifests are concerned: the environment
 * variables it takes under the "kubernetes" profile, their defaults, the port it listens on and how
 * long its graceful shutdown may last.
 *
 * @param module          the module's folder, relative to the repository's root
 * @param variables       the environment variables its code reads
 * @param defaults        the default its configuration gives a variable ({@code ${NAME:default}}), by name
 * @param shutdownTimeout Spring's shutdown phase (spring.lifecycle.timeout-per-shutdown-phase), or
 *                        null for a program that is not a Spring service (the database bootstrap)
 * @param port            where it listens (server.port), or null for a program that does not listen
 */
record ModuleFacts(String module, Set<String> variables, Map<String, String> defaults, Duration shutdownTimeout, Port port) {

    /** A module that does not listen and whose variables have no defaults worth knowing. */
    ModuleFacts(String module, Set<String> variables, Duration shutdownTimeout) {
        this(module, variables, Map.of(), shutdownTimeout, null);
    }

    /**
     * server.port: {@code ${VARIABLE:port}}, or a fixed port (variable null).
     *
     * @param variable    the environment variable that moves it, or null
     * @param defaultPort the port when that variable is not set
     */
    record Port(String variable, int defaultPort) {
    }

    /** The profile every process runs with on Kubernetes (SPRING_PROFILES_ACTIVE in k8s/base/common). */
    static final String PROFILE = "kubernetes";

    /** Variables the JVM, the C library and Spring Boot read in every module; documented there, not in our files. */
    static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX", "SPRING_PROFILES_ACTIVE");

    /** {@code ${NAME} or ${NAME:default}} in a YAML file or a Java string: a variable, in upper case. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** {@code getProperty("NAME"} and {@code getOrDefault("NAME"} or {@code get("NAME"} in Java code. */
    private static final Pattern LOOKUP = Pattern.compile("(?:getProperty|getOrDefault|getenv|get)\\(\"([A-Z][A-Z0-9_]*)\"");
    /** {@code ${NAME:default}} with a default that holds no placeholder of its own. */
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^${}]*)}");
    private static final Pattern PORT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):(\\d+)}|(\\d+)");
    /** The line between two documents of a YAML file. */
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");
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
     * reads the variables of what applies under the "kubernetes" profile: the documents of its
     * application.yml that name no profile or that one, and its application-kubernetes.yml; not a
     * document or a file of another profile (local). Besides, those platform/service-defaults and
     * platform/messaging read. The database bootstrap, a plain program, reads the names in its code
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
        Path resources = module.resolve("src/main/resources");
        List<Path> configs = Stream.of("application.yml", "application-" + PROFILE + ".yml")
                .map(resources::resolve).filter(Files::isRegularFile).toList();
        if (configs.isEmpty()) {
            return new ModuleFacts(folder, plainProgramVariables(module), null);
        }
        Set<String> variables = new TreeSet<>();
        Map<String, String> defaults = new TreeMap<>();
        Duration shutdown = null;
        Port port = null;
        // In the order Spring reads them: application.yml's documents, then the profile's file; a later value wins.
        for (Path config : configs) {
            for (Map<String, Object> document : documents(read(config))) {
                if (!appliesToProfile(document)) {
                    continue;
                }
                for (String value : values(document)) {
                    variables.addAll(all(PLACEHOLDER, value));
                    Matcher matcher = DEFAULT.matcher(value);
                    while (matcher.find()) {
                        defaults.put(matcher.group(1), matcher.group(2));
                    }
                }
                Object phase = Manifest.at(document, "spring", "lifecycle", "timeout-per-shutdown-phase");
                if (phase != null) {
                    shutdown = duration(phase.toString());
                }
                Object serverPort = Manifest.at(document, "server", "port");
                if (serverPort != null) {
                    port = port(folder, serverPort.toString());
                }
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
                    + " in its application.yml, application-" + PROFILE + ".yml or in platform/service-defaults");
        }
        return new ModuleFacts(folder, variables, defaults, shutdown, port);
    }

    /** Every document of a YAML text that is a map (the others configure nothing). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(text)) {
            if (new Yaml().load(document) instanceof Map<?, ?> map) {
                documents.add((Map<String, Object>) map);
            }
        }
        return documents;
    }

    /**
     * Whether a document applies when only the "kubernetes" profile is active: it names no profile
     * (spring.config.activate.on-profile), or names that one, alone or in a list or an expression
     * ("kubernetes | cloud"), not negated.
     */
    static boolean appliesToProfile(Map<String, Object> document) {
        Object onProfile = Manifest.at(document, "spring", "config", "activate", "on-profile");
        if (onProfile == null) {
            return true;
        }
        List<?> expressions = onProfile instanceof List<?> list ? list : List.of(onProfile);
        return expressions.stream().map(String::valueOf)
                .anyMatch(expression -> Pattern.compile("(^|[\\s(|&])" + PROFILE + "($|[\\s)|&])").matcher(expression).find());
    }

    private static Port port(String folder, String value) {
        Matcher matcher = PORT.matcher(value.strip());
        if (!matcher.matches()) {
            throw new IllegalStateException(folder + ": server.port " + value + " is neither a port nor ${VARIABLE:port}");
        }
        return matcher.group(3) != null ? new Port(null, Integer.parseInt(matcher.group(3)))
                : new Port(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /** Every scalar value of a YAML tree, as text (keys are never placeholders). */
    private static List<String> values(Object node) {
        List<String> values = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> values.addAll(values(value)));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> values.addAll(values(value)));
        } else if (node != null) {
            values.add(node.toString());
        }
        return values;
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
