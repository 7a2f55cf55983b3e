package dev.coachos.platform.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filter of a list query, built from the conditions that apply: SQL with named parameters
 * only (a value never becomes SQL text). {@code Where.always().and("e.branch_id = :branch", "branch", id)}.
 */
public final class Where {

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Where() {
    }

    /** No condition yet: every row. */
    public static Where always() {
        return new Where();
    }

    /** Adds a condition that needs no parameter (or whose parameters are given with {@link #param}). */
    public Where and(String condition) {
        sql.append(sql.isEmpty() ? " where " : " and ").append('(').append(condition).append(')');
        return this;
    }

    /** Adds a condition and the one named parameter it uses. */
    public Where and(String condition, String name, Object value) {
        return and(condition).param(name, value);
    }

    /** Adds the condition only when the client gave a value for it. */
    public Where andIfPresent(Object value, String condition, String name) {
        return value == null ? this : and(condition, name, value);
    }

    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The {@code where} clause with a leading space, or nothing. */
    public String sql() {
        return sql.toString();
    }

    /** The named parameters of the conditions (a copy). */
    public Map<String, Object> params() {
        return new LinkedHashMap<>(params);
    }
}
