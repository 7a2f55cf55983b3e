package dev.coachos.audit.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One text for one value, however it was written: the form a record's hash is taken over.
 * <ul>
 * <li>object members sorted by name (Java's {@link String#compareTo}, i.e. by UTF-16 code units, as
 * RFC 8785 does), no whitespace anywhere;</li>
 * <li>strings with only {@code "}, {@code \} and control characters escaped ({@code \b \f \n \r \t},
 * the others as a backslash, {@code u} and four lower-case hex digits); every other character as
 * itself, in UTF-8;</li>
 * <li>numbers as the exact decimal they hold, without exponent ({@code 1e2} is {@code 100},
 * {@code 18500.00} stays {@code 18500.00}): PostgreSQL's {@code jsonb} keeps numbers as
 * {@code numeric}, so this is also how a stored payload reads back. (RFC 8785 writes numbers as
 * JavaScript doubles, which would change amounts; this is the one place we differ from it.)</li>
 * <li>{@code true}, {@code false}, {@code null}.</li>
 * </ul>
 * Values are a {@link JsonNode}, or plain Java values: {@link Map} (string keys), {@link Collection},
 * {@link String}, {@link Number}, {@link Boolean} and {@code null}.
 */
public final class CanonicalJson {

    /** Reads numbers as the exact decimals they are written as, trailing zeros kept. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private CanonicalJson() {
    }

    /** Parses JSON text keeping every number exact (never through a double). */
    public static JsonNode read(String json) {
        return EXACT.readTree(json);
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case JsonNode node -> appendNode(out, node);
            case String text -> appendString(out, text);
            case Boolean flag -> out.append(flag.booleanValue());
            case BigDecimal decimal -> out.append(decimal.toPlainString());
            case BigInteger integer -> out.append(integer);
            case Long number -> out.append(number.longValue());
            case Integer number -> out.append(number.intValue());
            case Number number -> out.append(new BigDecimal(number.toString()).toPlainString());
            case Map<?, ?> map -> appendObject(out, map.keySet(), map::get);
            case Collection<?> items -> {
                List<?> list = new ArrayList<>(items);
                appendArray(out, list.size(), list::get);
            }
            default -> throw new IllegalArgumentException("no canonical JSON for " + value.getClass().getName());
        }
    }

    private static void appendNode(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            appendObject(out, node.propertyNames(), node::get);
        } else if (node.isArray()) {
            appendArray(out, node.size(), node::get);
        } else if (node.isString()) {
            appendString(out, node.asString());
        } else if (node.isNumber()) {
            if (node.isIntegralNumber()) {
                out.append(node.bigIntegerValue());
            } else {
                out.append(node.decimalValue().toPlainString());
            }
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("no canonical JSON for a " + node.getNodeType() + " node");
        }
    }

    /** An object, JSON or Java: its members sorted by name. */
    private static void appendObject(StringBuilder out, Collection<?> keys, Function<String, Object> member) {
        List<String> names = new ArrayList<>(keys.size());
        for (Object key : keys) {
            names.add((String) key);
        }
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(out, names.get(i));
            out.append(':');
            append(out, member.apply(names.get(i)));
        }
        out.append('}');
    }

    /** An array, JSON or Java: its elements in order. */
    private static void appendArray(StringBuilder out, int size, IntFunction<Object> element) {
        out.append('[');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, element.apply(i));
        }
        out.append(']');
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
