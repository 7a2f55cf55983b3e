package dev.coachos.course.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Roadmaps: ordered learning paths through courses. A course may sit in several roadmaps. The
 * public sees active roadmaps and their active courses; holders of {@code manage:courses} see and
 * edit everything.
 */
@Service
public class Roadmaps {

    private static final Sorting SORTING = Sorting.of(java.util.Map.of("createdAt", "r.created_at", "title", "r.title"),
            "r.created_at", "r.id");

    private static final String COLUMNS = "r.id, r.title, r.slug, r.description, r.active, r.created_at";

    private final JdbcClient jdbc;

    Roadmaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of roadmaps with their courses in order: three statements whatever the page holds.
     * {@code caller} is empty for an anonymous reader.
     */
    @Transactional(readOnly = true)
    public PageResponse<Roadmap> page(Optional<Caller> caller, Paging paging) {
        boolean staff = staff(caller);
        PageResponse<Roadmap> page = PagedQuery.page(jdbc, COLUMNS, "roadmap r",
                staff ? Where.always() : Where.always().and("r.active"), SORTING, paging,
                (rs, n) -> new Roadmap(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("slug"),
                        rs.getString("description"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                        List.of()));
        return new PageResponse<>(withCourses(page.content(), staff), page.page());
    }

    /** A roadmap by id or slug; an inactive one only for course managers. */
    @Transactional(readOnly = true)
    public Roadmap read(String idOrSlug, Optional<Caller> caller) {
        boolean staff = staff(caller);
        return find(idOrSlug, staff).filter(r -> r.active() || staff)
                .orElseThrow(() -> Problems.notFound("roadmap", idOrSlug));
    }

    @Transactional
    public Roadmap create(NewRoadmap roadmap, Caller caller) {
        String slug = roadmap.slug() != null ? roadmap.slug() : Slugs.of(roadmap.title(), "roadmap");
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.sql("insert into roadmap (id, title, slug, description, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, roadmap.title().strip(), slug, Html.clean(roadmap.description()),
                            roadmap.active() == null || roadmap.active(), now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("A roadmap with the slug '" + slug + "' exists; choose another title or give a slug");
        }
        placeCourses(id, roadmap.courseIds() == null ? List.of() : roadmap.courseIds());
        return find(id.toString(), staff(caller)).orElseThrow();
    }

    @Transactional
    public Roadmap update(UUID id, RoadmapChange change, Caller caller) {
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
        return find(id.toString(), staff(caller)).orElseThrow();
    }

    /** Replaces the roadmap's courses with the given ones, in the given order. */
    @Transactional
    public Roadmap order(UUID id, CourseOrder order, Caller caller) {
        if (jdbc.sql("select id from roadmap where id = ? for update").param(id).query(UUID.class).optional().isEmpty()) {
            throw Problems.notFound("roadmap", id);
        }
        jdbc.sql("delete from roadmap_course where roadmap_id = ?").param(id).update();
        placeCourses(id, order.courseIds());
        return find(id.toString(), staff(caller)).orElseThrow();
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

    private Optional<Roadmap> find(String idOrSlug, boolean staff) {
        Optional<UUID> id = Catalogue.uuid(idOrSlug);
        return jdbc.sql("select " + COLUMNS + " from roadmap r where " + (id.isPresent() ? "r.id = ?" : "r.slug = ?"))
                .param(id.isPresent() ? id.get() : idOrSlug)
                .query((rs, n) -> new Roadmap(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("slug"),
                        rs.getString("description"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                        List.of()))
                .optional().map(r -> withCourses(List.of(r), staff).getFirst());
    }

    /** Fills in every roadmap's courses with one statement; inactive courses only for staff. */
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
                    byRoadmap.computeIfAbsent(rs.getObject("roadmap_id", UUID.class), k -> new ArrayList<>())
                            .add(new RoadmapCourse(rs.getObject("id", UUID.class), rs.getInt("position"),
                                    rs.getString("title"), rs.getString("slug"), Course.Level.valueOf(rs.getString("level")),
                                    rs.getBigDecimal("price"), rs.getBoolean("active")));
                });
        return roadmaps.stream().map(r -> r.withCourses(byRoadmap.getOrDefault(r.id(), List.of()))).toList();
    }

    private static boolean staff(Optional<Caller> caller) {
        return caller.map(CourseAccess::manages).orElse(false);
    }

    private static boolean staff(Caller caller) {
        return CourseAccess.manages(caller);
    }
}
