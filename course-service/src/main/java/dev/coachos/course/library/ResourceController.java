package dev.coachos.course.library;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.course.support.CourseAccess;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The shared resource library: files and links any lesson can reference. Staff who manage
 * courses and teachers ({@code create:curricula}) add to it; everyone who reads courses browses it.
 */
@RestController
@RequestMapping("/api/v1/resources")
class ResourceController {

    private static final String COLUMNS = "id, title, type, url, description, course_id, created_by, created_at";

    private final JdbcClient jdbc;

    ResourceController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional(readOnly = true)
    PageResponse<Resource> browse(@RequestParam(required = false) UUID courseId,
            @RequestParam(required = false) Type type, @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (courseId != null) {
            where.append(" and course_id = :course");
            params.put("course", courseId);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and title ilike :q escape '\\'");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from resource" + where).params(params).query(Long.class).single();
        var rows = jdbc.sql("select " + COLUMNS + " from resource" + where + " order by created_at desc, id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Resource(rs.getObject("id", UUID.class), rs.getString("title"),
                        Type.valueOf(rs.getString("type")), rs.getString("url"), rs.getString("description"),
                        rs.getObject("course_id", UUID.class), rs.getObject("created_by", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return PageResponse.of(rows, size, page, total);
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:courses') or @permissions.allow('create:curricula')")
    @Transactional
    ResponseEntity<Resource> add(@Valid @RequestBody NewResource request) {
        if (request.courseId() != null && !jdbc.sql("select exists (select 1 from course where id = ?)")
                .param(request.courseId()).query(Boolean.class).single()) {
            throw Problems.invalidField("courseId", "no course with id " + request.courseId());
        }
        Resource resource = new Resource(UuidV7.next(), request.title().strip(), request.type(), request.url(),
                request.description(), request.courseId(), Caller.current().userId(), Instant.now());
        jdbc.sql("insert into resource (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(resource.id(), resource.title(), resource.type().name(), resource.url(), resource.description(),
                        resource.courseId(), resource.createdBy(), Timestamp.from(resource.createdAt()))
                .update();
        return ResponseEntity.created(URI.create("/api/v1/resources/" + resource.id())).body(resource);
    }

    /** Removes a library resource no lesson uses any more: its author or a course manager. */
    @DeleteMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:courses') or @permissions.allow('create:curricula')")
    @Transactional
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        Caller caller = Caller.current();
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
        return ResponseEntity.noContent().build();
    }

    record Resource(UUID id, String title, Type type, String url, String description, UUID courseId, UUID createdBy,
            Instant createdAt) {
    }

    record NewResource(@NotBlank @Size(max = 200) String title, @NotNull Type type,
            @NotBlank @Size(max = 1000) @Pattern(regexp = "^(https?://|/)\\S*$", message = "must be an http(s) URL or a path") String url,
            @Size(max = 2000) String description, UUID courseId) {
    }

    /** Kinds of library resources. */
    enum Type {
        FILE, LINK, VIDEO, DOCUMENT
    }
}
