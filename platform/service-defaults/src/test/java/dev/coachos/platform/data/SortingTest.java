package dev.coachos.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.PagingTest;

class SortingTest {

    private final Sorting sorting = Sorting.of(Map.of("title", "c.title", "publishedAt", "c.published_at"),
            "c.created_at desc", "c.id").nullsLast("publishedAt");

    @Test
    void theDefaultOrderEndsWithTheTieBreaker() {
        assertThat(sorting.orderBy(Paging.first())).isEqualTo(" order by c.created_at desc, c.id");
    }

    @Test
    void clientNamesBecomeTheirColumnsAndNullableOnesSortNullsLast() {
        Paging paging = Paging.parse(null, null, List.of("publishedAt,desc", "title"), 20);
        assertThat(sorting.orderBy(paging)).isEqualTo(" order by c.published_at desc nulls last, c.title asc, c.id");
    }

    @Test
    void aNameOutsideTheAllowListIsRefusedAndNeverReachesSql() {
        Paging paging = Paging.parse(null, null, List.of("password; drop table course"), 20);
        PagingTest.assertRefused(() -> sorting.orderBy(paging), "sort");
    }

    @Test
    void theSameOrderServesSpringDataRepositories() {
        Pageable pageable = PageRequests.of(Paging.parse("2", "5", List.of("title,desc"), 20),
                Sorting.of(Map.of("title", "name"), "code", "id"));
        assertThat(pageable.getPageNumber()).isEqualTo(2);
        assertThat(pageable.getPageSize()).isEqualTo(5);
        assertThat(pageable.getSort()).isEqualTo(Sort.by(Sort.Order.desc("name"), Sort.Order.asc("id")));
        assertThat(PageRequests.of(Paging.first(), Sorting.of(Map.of(), "code desc", "id")).getSort())
                .isEqualTo(Sort.by(Sort.Order.desc("code"), Sort.Order.asc("id")));
        assertThat(PageRequests.of(Paging.first(), Sorting.of(Map.of(), "city desc, name", "id")).getSort())
                .isEqualTo(Sort.by(Sort.Order.desc("city"), Sort.Order.asc("name"), Sort.Order.asc("id")));
    }
}
