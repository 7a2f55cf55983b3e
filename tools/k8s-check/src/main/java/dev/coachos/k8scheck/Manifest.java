package dev.coachos.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * One Kubernetes document as SnakeYAML reads it (maps, lists, scalars), with the few ways of
 * walking it that the policy needs. A missing step of a path reads as null, never as an error.
 */
record Manifest(Map<String, Object> body) {

    /** Every non-empty document of a multi-document YAML text; a key given twice is an error. */
    @SuppressWarnings("unchecked")
    static List<Manifest> parseAll(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(yaml)) {
            if (document instanceof Map<?, ?> map) {
                manifests.add(new Manifest((Map<String, Object>) map));
            }
        }
        return manifests;
    }

    String kind() {
        return text(body, "kind");
    }

    String name() {
        return text(body, "metadata", "name");
    }

    /** kind/name, how a violation names what it is about. */
    String id() {
        return kind() + "/" + name();
    }

    /** The value at a path of map keys, or null where a step is missing or not a map. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        return at(node, path) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        return at(node, path) instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
