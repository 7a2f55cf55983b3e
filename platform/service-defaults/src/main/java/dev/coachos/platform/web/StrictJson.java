package dev.coachos.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every servlet service reads JSON: a value must already be of the type its field declares.
 * A number is not text, {@code 2} or {@code "true"} is not a boolean, {@code "5"} is not a number,
 * {@code 1.5} is not an integer (it is refused, not truncated), a number or an array is not a date,
 * an empty string is not a missing value, and a number is not an enum constant. A name given twice
 * in one object and anything after the document are refused too. Properties a record does not
 * declare are ignored, as they always were (clients and other services may send more than a
 * reader knows). Every text (values, map keys, text inside a {@link JsonNode}) is refused when it
 * holds a NUL character, which PostgreSQL cannot store, and every date is held to {@link Dates}.
 * Each refusal is a 400 problem naming the JSON path of the field ({@link ProblemHandler}).
 */
public final class StrictJson {

    /** What a text holding a NUL character is told. */
    public static final String NUL = "must not contain the NUL character";

    /** Date and time types read only from ISO-8601 text; those with a date are held to {@link Dates}. */
    private static final Set<Class<?>> TEXT_ONLY = Set.of(LocalDate.class, LocalDateTime.class, Instant.class,
            OffsetDateTime.class, ZonedDateTime.class, LocalTime.class, OffsetTime.class);

    private StrictJson() {
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                // A whole number is a fine decimal (a fee of 1000 is 1000.00).
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("coachos-strict-json")
                        .setDeserializerModifier(new Checks())
                        .setDeserializers(new Trees()));
    }

    /** A value that was read well but is not allowed; {@link #reason()} says why, the path says where. */
    public static final class Refused extends MismatchedInputException {

        private final String reason;

        Refused(JsonParser parser, String reason, Class<?> type) {
            super(parser, reason, type);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\0') >= 0;
    }

    /** Puts the checks around the deserializers Jackson builds for text, trees and dates. */
    private static final class Checks extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new CheckedText(deserializer);
            }
            if (TEXT_ONLY.contains(type)) {
                return new CheckedTime(deserializer);
            }
            return deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                KeyDeserializer deserializer) {
            return type.hasRawClass(String.class) ? new CheckedKey(deserializer) : deserializer;
        }
    }

    /** Jackson builds tree deserializers without asking the modifier: this puts the check on them. */
    private static final class Trees extends SimpleDeserializers {

        @Override
        public ValueDeserializer<?> findTreeNodeDeserializer(JavaType nodeType, DeserializationConfig config,
                BeanDescription.Supplier description) {
            return new CheckedTree(JsonNodeDeserializer.getDeserializer(nodeType.getRawClass()));
        }
    }

    private static final class CheckedText extends DelegatingDeserializer {

        CheckedText(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedText(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text && hasNul(text)) {
                throw new Refused(parser, NUL, String.class);
            }
            return value;
        }
    }

    private static final class CheckedKey extends KeyDeserializer {

        private final KeyDeserializer delegate;

        CheckedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void resolve(DeserializationContext context) throws JacksonException {
            if (delegate != null) {
                delegate.resolve(context);
            }
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            if (key != null && hasNul(key)) {
                throw new Refused(context.getParser(), NUL, String.class);
            }
            return delegate == null ? key : delegate.deserializeKey(key, context);
        }
    }

    /** A free-form tree: every text and every name in it is checked, and the refusal names where it is. */
    private static final class CheckedTree extends DelegatingDeserializer {

        CheckedTree(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedTree(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            if (value instanceof JsonNode tree) {
                Deque<Object> path = new ArrayDeque<>();
                if (findNul(tree, path)) {
                    Refused refused = new Refused(parser, NUL, JsonNode.class);
                    // The path was collected innermost first; prepending in that order puts the outermost first.
                    for (Object step : path) {
                        if (step instanceof Integer index) {
                            refused.prependPath(tree, index);
                        } else {
                            refused.prependPath(tree, (String) step);
                        }
                    }
                    throw refused;
                }
            }
            return value;
        }

        /** Whether the tree holds a NUL; if so, {@code path} holds the steps to it, innermost first. */
        private static boolean findNul(JsonNode node, Deque<Object> path) {
            if (node.isString()) {
                return hasNul(node.asString());
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (findNul(node.get(i), path)) {
                        path.addLast(i);
                        return true;
                    }
                }
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    if (hasNul(property.getKey()) || findNul(property.getValue(), path)) {
                        path.addLast(property.getKey());
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Dates and times come as ISO-8601 text only, and those with a date lie within {@link Dates}' range. */
    private static final class CheckedTime extends DelegatingDeserializer {

        CheckedTime(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedTime(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            Object value = super.deserialize(parser, context);
            if (!Dates.isSane(value)) {
                throw new Refused(parser, Dates.OUT_OF_RANGE, handledType());
            }
            return value;
        }
    }
}
