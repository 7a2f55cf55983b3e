package dev.coachos.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.PagingTest;
import dev.coachos.testing.TestDatabase;

/** A page and its count over one filter, against a real PostgreSQL. */
class PagedQueryIT {

    static JdbcClient jdbc;

    private static final Sorting SORTING = Sorting.of(Map.of("name", "c.name", "price", "c.price"), "c.price desc", "c.id")
            .nullsLast("price");

    @BeforeAll
    static void courses() throws Exception {
        TestDatabase database = TestDatabase.create("pagedquery");
        Connection connection = database.adminConnection();
        jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        jdbc.sql("create table course (id int primary key, name text not null, price numeric(12, 2), active boolean not null)")
                .update();
        for (int i = 1; i <= 25; i++) {
            jdbc.sql("insert into course values (?, ?, ?, ?)").params(i, "Course " + (char) ('a' + i),
                    i == 25 ? null : i * 100, i % 5 != 0).update();
        }
    }

    @Test
    void aPageOfTheFilteredRowsComesWithTheirCount() {
        Where active = Where.always().and("c.active");
        PageResponse<Integer> first = page(active, Paging.parse("0", "7", null, 20));
        assertThat(first.page().totalElements()).isEqualTo(20);
        assertThat(first.page().totalPages()).isEqualTo(3);
        assertThat(first.content()).containsExactly(24, 23, 22, 21, 19, 18, 17);
        PageResponse<Integer> last = page(active, Paging.parse("2", "7", null, 20));
        assertThat(last.content()).containsExactly(7, 6, 4, 3, 2, 1);
        assertThat(page(active, Paging.parse("9", "7", null, 20)).content()).isEmpty();
    }

    @Test
    void conditionsTakeTheirValuesAsParametersAndAbsentOnesAreLeftOut() {
        Where cheap = Where.always().and("c.price < :limit", "limit", 500).andIfPresent(null, "c.name = :name", "name");
        assertThat(page(cheap, Paging.parse(null, null, List.of("name,desc"), 20)).content()).containsExactly(4, 3, 2, 1);
        Where injected = Where.always().andIfPresent("x' or '1'='1", "c.name = :name", "name");
        assertThat(page(injected, Paging.first()).page().totalElements()).isZero();
    }

    @Test
    void aColumnThatMayBeEmptySortsItsEmptyRowsLast() {
        PageResponse<Integer> ascending = page(Where.always(), Paging.parse(null, "100", List.of("price,asc"), 20));
        assertThat(ascending.content().getFirst()).isEqualTo(1);
        assertThat(ascending.content().getLast()).isEqualTo(25);
        PageResponse<Integer> descending = page(Where.always(), Paging.parse(null, "100", List.of("price,desc"), 20));
        assertThat(descending.content().getLast()).isEqualTo(25);
    }

    @Test
    void aSortOutsideTheAllowListIsRefusedBeforeAnyStatementRuns() {
        PagingTest.assertRefused(() -> page(Where.always().and("c.id = :none", "none", -1),
                Paging.parse(null, null, List.of("active"), 20)), "sort");
    }

    private static PageResponse<Integer> page(Where where, Paging paging) {
        return PagedQuery.page(jdbc, "c.id", "course c", where, SORTING, paging, (rs, n) -> rs.getInt("id"));
    }
}
