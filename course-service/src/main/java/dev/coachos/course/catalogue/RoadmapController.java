package dev.coachos.course.catalogue;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.course.support.CourseAccess;
import dev.coachos.course.support.Html;
import dev.coachos.course.support.Slugs;
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
 * Roadmaps: ordered learning paths through courses. A course may sit in several roadmaps. The
 * public sees active roadmaps and their active courses; holders of {@code manage:courses} see and
 * edit everything.
 */
@RestController
@RequestMapping("/api/v1/roadmaps")
class RoadmapController {

    private static final String COLUMNS = "r.id, r.title, r.slug, r.description, r.active, r.created_at";

    private final JdbcClient jdbc;

    RoadmapController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of roadmaps with their courses in order: three statements whatever the page holds. */
    @GetMapping
    @Transactional(readOnly = true)
    PageResponse<Roadmap> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        boolean staff = staff();
        String where = staff ? "" : " where r.active";
        long total = jdbc.sql("select count(*) from roadmap r" + where).query(Long.class).single();
        List<Roadmap> rows = jdbc.sql("select " + COLUMNS + " from roadmap r" + where
                + " order by r.created_at, r.id limit ? offset ?").params(size, (long) page * size)
                .query((rs, n) -> new Roadmap(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("slug"),
                        rs.getString("description"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                        List.of()))
                .list();
        return PageResponse.of(withCourses(rows, staff), size, page, total);
    }

    @GetMapping("/{idOrSlug}")
    @Transactional(readOnly = true)
    Roadmap one(@PathVariable String idOrSlug) {
        return find(idOrSlug).filter(r -> r.active() || staff()).orElseThrow(() -> Problems.notFound("roadmap", idOrSlug));
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Transactional
    ResponseEntity<Roadmap> create(@Valid @RequestBody RoadmapRequest request) {
        String slug = request.slug() != null ? request.slug() : Slugs.of(request.title(), "roadmap");
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.sql("insert into roadmap (id, title, slug, description, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, request.title().strip(), slug, Html.clean(request.description()),
                            request.active() == null || request.active(), now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("A roadmap with the slug '" + slug + "' exists; choose another title or give a slug");
        }
        placeCourses(id, request.courseIds() == null ? List.of() : request.courseIds());
        Roadmap created = find(id.toString()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/roadmaps/" + id)).body(created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Transactional
    Roadmap update(@PathVariable UUID id, @Valid @RequestBody RoadmapChange change) {
        int updated = jdbc.sql("""
                update roadmap set title = coalesce(?, title), description = coalesce(?, description),
                       active = coalesce(?, active), updated_at = ?
                where id = ?""")
                .params(change.title() == null ? null : change.title().strip(), Html.clean(change.description()),
                        change.active(), Timestamp.from(Instant.now()), id)
                .update();
        if (updated == 0) {
            throw Problems.notFound("roadmap", id);
        }
        return find(id.toString()).orElseThrow();
    }

    /** Replaces the roadmap's courses with the given ones, in the given order. */
    @PutMapping("/{id}/courses")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Transactional
    Roadmap courses(@PathVariable UUID id, @Valid @RequestBody CourseOrder order) {
        if (jdbc.sql("select id from roadmap where id = ? for update").param(id).query(UUID.class).optional().isEmpty()) {
            throw Problems.notFound("roadmap", id);
        }
        jdbc.sql("delete from roadmap_course where roadmap_id = ?").param(id).update();
        placeCourses(id, order.courseIds());
        return find(id.toString()).orElseThrow();
    }

    private void placeCourses(UUID roadmap, List<UUID> courseIds) {
        if (new HashSet<>(courseIds).size() != courseIds.size()) {
            throw Problems.invalidField("courseIds", "lists a course more than once");
        }
        if (courseIds.isEmpty()) {
            return;
        }
        UUID[] ids = courseIds.toArray(UUID[]::new);
        long known = jdbc.sql("select count(*) from course where id = any(?)").param(ids).query(Long.class).single();
        if (known != courseIds.size()) {
            throw Problems.invalidField("courseIds", "names a course that does not exist");
        }
        jdbc.sql("""
                insert into roadmap_course (roadmap_id, course_id, position)
                select ?, c.id, c.position from unnest(?::uuid[]) with ordinality as c(id, position)""")
                .params(roadmap, ids).update();
    }

    private Optional<Roadmap> find(String idOrSlug) {
        Optional<UUID> id = Catalogue.uuid(idOrSlug);
        return jdbc.sql("select " + COLUMNS + " from roadmap r where " + (id.isPresent() ? "r.id = ?" : "r.slug = ?"))
                .param(id.isPresent() ? id.get() : idOrSlug)
                .query((rs, n) -> new Roadmap(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("slug"),
                        rs.getString("description"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                        List.of()))
                .optional().map(r -> withCourses(List.of(r), staff()).getFirst());
    }

    /** Fills in every roadmap's courses with one statement. */
    private List<Roadmap> withCourses(List<Roadmap> roadmaps, boolean staff) {
        if (roadmaps.isEmpty()) {
            return roadmaps;
        }
        Map<UUID, List<RoadmapCourse>> byRoadmap = new LinkedHashMap<>();
        jdbc.sql("""
                select rc.roadmap_id, rc.position, c.id, c.title, c.slug, c.level, c.price, c.active
                from roadmap_course rc join course c on c.id = rc.course_id
                where rc.roadmap_id = any(?)""" + (staff ? "" : " and c.active") + " order by rc.roadmap_id, rc.position")
                .param(roadmaps.stream().map(Roadmap::id).toArray(UUID[]::new))
                .query(rs -> {
                    byRoadmap.computeIfAbsent(rs.getObject("roadmap_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(new RoadmapCourse(rs.getObject("id", UUID.class), rs.getInt("position"),
                                    rs.getString("title"), rs.getString("slug"), Course.Level.valueOf(rs.getString("level")),
                                    rs.getBigDecimal("price"), rs.getBoolean("active")));
                });
        return roadmaps.stream().map(r -> new Roadmap(r.id(), r.title(), r.slug(), r.description(), r.active(),
                r.createdAt(), byRoadmap.getOrDefault(r.id(), List.of()))).toList();
    }

    private static boolean staff() {
        return Caller.optional().map(CourseAccess::manages).orElse(false);
    }

    record Roadmap(UUID id, String title, String slug, String description, boolean active, Instant createdAt,
            List<RoadmapCourse> courses) {
    }

    record RoadmapCourse(UUID id, int position, String title, String slug, Course.Level level, BigDecimal price,
            boolean active) {
    }

    record RoadmapRequest(@NotBlank @Size(max = 200) String title,
            @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "use lower-case letters, digits and single hyphens") String slug,
            @Size(max = 20_000) String description, Boolean active, @Size(max = 200) List<@NotNull UUID> courseIds) {
    }

    record RoadmapChange(@Size(min = 1, max = 200) String title, @Size(max = 20_000) String description,
            Boolean active) {
    }

    record CourseOrder(@NotNull @Size(max = 200) List<@NotNull UUID> courseIds) {
    }
}
