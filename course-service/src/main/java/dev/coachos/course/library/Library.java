package dev.coachos.course.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.course.catalogue.CourseAccess;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * The shared resource library: files and links any lesson can reference. A resource is removed
 * by its author or a holder of {@code manage:courses}, and only while no lesson uses it.
 */
@Service
public class Library {

    private static final Sorting SORTING = Sorting.of(Map.of("createdAt", "created_at", "title", "title"),
            "created_at desc", "id");

    private final JdbcClient jdbc;

    Library(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the library, newest first, optionally of one course, of one type, or with
     * {@code q} in the title (SQL wildcards in it are only text).
     */
    @Transactional(readOnly = true)
    public PageResponse<Resource> browse(UUID courseId, Resource.Type type, String q, Paging paging) {
        Where where = Where.always().andIfPresent(courseId, "course_id = :course", "course")
                .andIfPresent(type == null ? null : type.name(), "type = :type", "type");
        if (q != null && !q.isBlank()) {
            where.and("title ilike :q escape '\\'", "q",
                    "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return PagedQuery.page(jdbc, Resource.COLUMNS, "resource", where, SORTING, paging, Resource::read);
    }

    /** Adds a resource to the library, written down as the caller's. */
    @Transactional
    public Resource add(NewResource request, Caller caller) {
        if (request.courseId() != null && !jdbc.sql("select exists (select 1 from course where id = ?)")
                .param(request.courseId()).query(Boolean.class).single()) {
            throw Problems.invalidField("courseId", "no course with id " + request.courseId());
        }
        Resource resource = new Resource(UuidV7.next(), request.title().strip(), request.type(), request.url(),
                request.description(), request.courseId(), caller.userId(), Instant.now());
        jdbc.sql("insert into resource (" + Resource.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(resource.id(), resource.title(), resource.type().name(), resource.url(), resource.description(),
                        resource.courseId(), resource.createdBy(), Timestamp.from(resource.createdAt()))
                .update();
        return resource;
    }

    /** Removes a library resource no lesson uses any more: its author or a course manager. */
    @Transactional
    public void remove(UUID id, Caller caller) {
        UUID author = jdbc.sql("select created_by from resource where id = ?").param(id).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("resource", id));
        if (!caller.is(author) && !CourseAccess.manages(caller)) {
            throw Problems.forbidden("Only its author or a holder of manage:courses removes a library resource");
        }
        int uses = jdbc.sql("select count(*) from lesson_resource where resource_id = ?").param(id).query(Integer.class)
                .single();
        if (uses > 0) {
            throw Problems.conflict("This library resource is attached to " + uses + " lesson(s); detach it first");
        }
        jdbc.sql("delete from resource where id = ?").param(id).update();
    }
}
