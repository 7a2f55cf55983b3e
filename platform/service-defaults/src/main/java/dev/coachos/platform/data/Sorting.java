package dev.coachos.platform.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * What a list may be sorted by: an allow-list from the names a client uses to the column (or
 * entity property) each stands for, the order used when the client names none, and a unique
 * tie-breaker so that pages never overlap. A name outside the list is a 400 naming {@code sort}.
 */
public final class Sorting {

    private final Map<String, String> columns;
    private final Set<String> nullsLast;
    private final String defaultOrder;
    private final String tieBreaker;

    private Sorting(Map<String, String> columns, Set<String> nullsLast, String defaultOrder, String tieBreaker) {
        this.columns = columns;
        this.nullsLast = nullsLast;
        this.defaultOrder = defaultOrder;
        this.tieBreaker = tieBreaker;
    }

    /**
     * @param columns      client name → SQL expression (or entity property, see {@link #terms})
     * @param defaultOrder the order without a {@code sort}, such as {@code "e.enrolled_at desc"}
     * @param tieBreaker   a unique column that ends every order, such as {@code "e.id"}
     */
    public static Sorting of(Map<String, String> columns, String defaultOrder, String tieBreaker) {
        return new Sorting(new LinkedHashMap<>(columns), Set.of(), defaultOrder, tieBreaker);
    }

    /** Names whose column may be empty: they sort with {@code nulls last} (the others keep their index usable). */
    public Sorting nullsLast(String... names) {
        return new Sorting(columns, Set.of(names), defaultOrder, tieBreaker);
    }

    /** The SQL {@code order by} clause (with a leading space) for what the client asked. */
    public String orderBy(Paging paging) {
        List<String> terms = new ArrayList<>();
        for (Paging.Order order : paging.sort()) {
            terms.add(column(order.property()) + (order.ascending() ? " asc" : " desc")
                    + (nullsLast.contains(order.property()) ? " nulls last" : ""));
        }
        if (terms.isEmpty()) {
            terms.add(defaultOrder);
        }
        terms.add(tieBreaker);
        return " order by " + String.join(", ", terms);
    }

    /** The order asked for as (column, ascending) pairs, the default order and the tie-breaker included. */
    public List<Term> terms(Paging paging) {
        List<Term> terms = new ArrayList<>();
        for (Paging.Order order : paging.sort()) {
            terms.add(new Term(column(order.property()), order.ascending()));
        }
        if (terms.isEmpty()) {
            for (String term : defaultOrder.split(",")) {
                String[] parts = term.trim().split("\\s+");
                terms.add(new Term(parts[0], !(parts.length > 1 && parts[1].equalsIgnoreCase("desc"))));
            }
        }
        terms.add(new Term(tieBreaker, true));
        return terms;
    }

    private String column(String name) {
        String column = columns.get(name);
        if (column == null) {
            throw Problems.invalidField("sort", "cannot sort by " + name + "; use one of "
                    + columns.keySet().stream().sorted().toList());
        }
        return column;
    }

    /** One sort term: a column (or entity property) and its direction. */
    public record Term(String column, boolean ascending) {
    }
}
