package dev.coachos.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The paging input of every list endpoint: {@code page} (from 0), {@code size} (1 to
 * {@value #MAX_SIZE}) and any number of {@code sort=property[,asc|desc]}. A handler method takes
 * a {@code Paging} parameter (its defaults may be changed with {@link PagingDefaults}); a value out
 * of range is a 400 naming the parameter. Which properties may be sorted by is the business of the
 * query that serves the page ({@code dev.coachos.platform.data.Sorting}), where the columns are.
 */
public record Paging(int page, int size, List<Order> sort) {

    public static final int MAX_PAGE = 100_000;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public Paging {
        if (page < 0 || page > MAX_PAGE) {
            throw Problems.invalidField("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Problems.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        sort = List.copyOf(sort);
    }

    /** The first page of the default size, in the query's default order. */
    public static Paging first() {
        return new Paging(0, DEFAULT_SIZE, List.of());
    }

    /** Reads the request's values; null or blank ones take the defaults. */
    public static Paging parse(String page, String size, List<String> sort, int defaultSize) {
        List<Order> orders = new ArrayList<>();
        if (sort != null) {
            for (String one : sort) {
                if (one != null && !one.isBlank()) {
                    orders.add(Order.parse(one));
                }
            }
        }
        return new Paging(number("page", page, 0), number("size", size, defaultSize), orders);
    }

    /** How many rows come before this page. */
    public long offset() {
        return (long) page * size;
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalidField(name, "must be a whole number");
        }
    }

    /** One sort key as the client named it. */
    public record Order(String property, boolean ascending) {

        static Order parse(String text) {
            String[] parts = text.split(",", -1);
            String property = parts[0].trim();
            if (property.isEmpty() || parts.length > 2) {
                throw Problems.invalidField("sort", "write sort=property or sort=property,asc|desc");
            }
            if (parts.length == 1) {
                return new Order(property, true);
            }
            return switch (parts[1].trim().toLowerCase(java.util.Locale.ROOT)) {
                case "asc" -> new Order(property, true);
                case "desc" -> new Order(property, false);
                default -> throw Problems.invalidField("sort", "the direction of " + property + " must be asc or desc");
            };
        }
    }
}
