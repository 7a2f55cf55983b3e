package dev.coachos.platform.data;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;

/**
 * One page of a list and the count of all its rows, from two statements over the same filter:
 * {@code select count(*) from ... where ...} and {@code select <columns> from ... where ... order by
 * ... limit ... offset ...}. The statement count does not grow with the page.
 */
public final class PagedQuery {

    private PagedQuery() {
    }

    /**
     * @param columns what each row selects, such as {@code Enrollment.COLUMNS}
     * @param from    the {@code from} part with its joins, without {@code where}, such as {@code "enrollment e"}
     */
    public static <T> PageResponse<T> page(JdbcClient jdbc, String columns, String from, Where where, Sorting sorting,
            Paging paging, RowMapper<T> rows) {
        String order = sorting.orderBy(paging); // a sort outside the allow-list is refused before any statement runs
        Map<String, Object> params = where.params();
        long total = jdbc.sql("select count(*) from " + from + where.sql()).params(params).query(Long.class).single();
        if (total <= paging.offset()) {
            return PageResponse.of(List.of(), paging.size(), paging.page(), total);
        }
        List<T> content = jdbc.sql("select " + columns + " from " + from + where.sql() + order
                + " limit :pageLimit offset :pageOffset")
                .params(params).param("pageLimit", paging.size()).param("pageOffset", paging.offset())
                .query(rows).list();
        return PageResponse.of(content, paging.size(), paging.page(), total);
    }
}
