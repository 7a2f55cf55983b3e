package dev.coachos.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Dates in request parameters and path variables: ISO-8601 text only ({@code 2025-01-31},
 * {@code 2025-01-31T09:00:00Z}), within {@link Dates}' range. A date out of range is a 400
 * naming the parameter ({@link ProblemHandler}). A parameter annotated with
 * {@link DateTimeFormat} keeps its own format and is not range-checked.
 */
public final class DateParameters implements ConditionalGenericConverter {

    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.of(
            LocalDate.class, LocalDate::parse,
            LocalDateTime.class, LocalDateTime::parse,
            Instant.class, Instant::parse,
            OffsetDateTime.class, OffsetDateTime::parse,
            ZonedDateTime.class, ZonedDateTime::parse);

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return PARSERS.keySet().stream().map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toSet());
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return !targetType.hasAnnotation(DateTimeFormat.class);
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String text = source == null ? "" : source.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        Object value = PARSERS.get(targetType.getType()).apply(text);
        if (!Dates.isSane(value)) {
            throw new Dates.OutOfRange();
        }
        return value;
    }
}
