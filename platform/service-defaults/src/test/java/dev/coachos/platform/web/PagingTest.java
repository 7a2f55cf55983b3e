package dev.coachos.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

public class PagingTest {

    @Test
    void missingValuesTakeTheDefaults() {
        Paging paging = Paging.parse(null, " ", null, 50);
        assertThat(paging).isEqualTo(new Paging(0, 50, List.of()));
        assertThat(Paging.parse("3", "10", List.of(), 20).offset()).isEqualTo(30);
    }

    @Test
    void sortKeysKeepTheirOrderAndDirection() {
        Paging paging = Paging.parse("0", "20", List.of("price,DESC", "title", "level,asc"), 20);
        assertThat(paging.sort()).containsExactly(new Paging.Order("price", false), new Paging.Order("title", true),
                new Paging.Order("level", true));
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheParameter() {
        assertRefused(() -> Paging.parse("-1", null, null, 20), "page");
        assertRefused(() -> Paging.parse("100001", null, null, 20), "page");
        assertRefused(() -> Paging.parse("2000000000000", null, null, 20), "page");
        assertRefused(() -> Paging.parse(null, "0", null, 20), "size");
        assertRefused(() -> Paging.parse(null, "101", null, 20), "size");
        assertRefused(() -> Paging.parse(null, "1.5", null, 20), "size");
        assertRefused(() -> Paging.parse(null, null, List.of("title,sideways"), 20), "sort");
        assertRefused(() -> Paging.parse(null, null, List.of(",asc"), 20), "sort");
        assertRefused(() -> Paging.parse(null, null, List.of("a,asc,desc"), 20), "sort");
    }

    public static void assertRefused(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            assertThat(e.getBody().getProperties().get("errors").toString()).contains("field=" + field);
        });
    }
}
