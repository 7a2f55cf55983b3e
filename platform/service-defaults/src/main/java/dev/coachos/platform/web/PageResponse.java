package dev.coachos.platform.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * The one paging format of the suite: {@code {content: [...], page: {size, number,
 * totalElements, totalPages}}}.
 */
public record PageResponse<T>(List<T> content, PageMetadata page) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<? super E, ? extends T> mapper) {
        List<T> content = page.getContent().stream().<T>map(mapper).toList();
        return new PageResponse<>(content, new PageMetadata(page.getSize(), page.getNumber(),
                page.getTotalElements(), page.getTotalPages()));
    }

    /** A page read without Spring Data: its rows, the page asked for and the total count. */
    public static <T> PageResponse<T> of(List<T> content, int size, int number, long totalElements) {
        int totalPages = size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
        return new PageResponse<>(List.copyOf(content), new PageMetadata(size, number, totalElements, totalPages));
    }

    public record PageMetadata(int size, int number, long totalElements, int totalPages) {
    }
}
