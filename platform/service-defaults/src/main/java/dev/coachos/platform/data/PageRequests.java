package dev.coachos.platform.data;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import dev.coachos.platform.web.Paging;

/** The paging input as a Spring Data page request, for services that read through JPA repositories. */
public final class PageRequests {

    private PageRequests() {
    }

    /** {@code sorting} maps client names to entity properties here. */
    public static Pageable of(Paging paging, Sorting sorting) {
        return PageRequest.of(paging.page(), paging.size(), Sort.by(sorting.terms(paging).stream()
                .map(t -> t.ascending() ? Sort.Order.asc(t.column()) : Sort.Order.desc(t.column())).toList()));
    }
}
