package dev.coachos.course.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.course.CourseEvents;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Courses: the public catalogue page, one course, and the edits of holders of
 * {@code manage:courses}. Anyone sees active courses; only course managers see inactive ones.
 */
@Service
public class Catalogue {

    /** What the catalogue may be sorted by; a column that may be empty sorts nulls last, the others keep their index. */
    static final Sorting SORTING = Sorting.of(Map.of("title", "c.title", "price", "c.price", "createdAt",
            "c.created_at", "level", "c.level", "durationHours", "c.duration_hours"), "c.created_at desc", "c.id")
            .nullsLast("durationHours");

    private final JdbcClient jdbc;
    private final CourseEvents events;

    Catalogue(JdbcClient jdbc, CourseEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * One page of the catalogue in two statements (count and page), whatever the page size.
     * Inactive courses are included only when {@code includeInactive}, which only course
     * managers may ask for; {@code caller} is empty for an anonymous reader.
     */
    @Transactional(readOnly = true)
    public PageResponse<Course> page(Filter filter, Optional<Caller> caller, Paging paging) {
        if (filter.includeInactive() && !manager(caller)) {
            throw Problems.forbidden("Only holders of manage:courses see inactive courses");
        }
        SORTING.orderBy(paging);
        Where where = Where.always();
        if (!filter.includeInactive()) {
            where.and("c.active");
        }
        where.andIfPresent(filter.level() == null ? null : filter.level().name(), "c.level = :level", "level")
                .andIfPresent(filter.featured(), "c.featured = :featured", "featured")
                .andIfPresent(filter.roadmapId(),
                        "exists (select 1 from roadmap_course rc where rc.course_id = c.id and rc.roadmap_id = :roadmap)",
                        "roadmap");
        if (filter.text() != null && !filter.text().isBlank()) {
            String query = PrefixQuery.of(filter.text());
            if (query.isEmpty()) {
                return PageResponse.of(List.of(), paging.size(), paging.page(), 0);
            }
            where.and("c.search @@ to_tsquery('simple', :text)", "text", query);
        }
        return PagedQuery.page(jdbc, Course.COLUMNS, "course c", where, SORTING, paging, Course::read);
    }

    /** A course by id or slug; an inactive course is found only by those who manage the catalogue. */
    @Transactional(readOnly = true)
    public Course read(String idOrSlug, Optional<Caller> caller) {
        return find(idOrSlug).filter(c -> c.active() || manager(caller))
                .orElseThrow(() -> Problems.notFound("course", idOrSlug));
    }

    private Optional<Course> find(String idOrSlug) {
        Optional<UUID> id = uuid(idOrSlug);
        return jdbc.sql("select " + Course.COLUMNS + " from course c where " + (id.isPresent() ? "c.id = ?" : "c.slug = ?"))
                .param(id.isPresent() ? id.get() : idOrSlug).query(Course::read).optional();
    }

    /** A new course with its (empty) official curriculum; publishes CourseCreated. */
    @Transactional
    public Course create(NewCourse course) {
        String slug = course.slug() != null ? course.slug() : Slugs.of(course.title(), "course");
        requireFreeSlug(slug, null);
        UUID id = UuidV7.next();
        Instant now = Instant.now();
        try {
            jdbc.sql("""
                    insert into course (id, title, slug, description, price, level, duration_hours, thumbnail_url,
                                        active, featured, what_you_will_learn, features, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, course.title().strip(), slug, Html.clean(course.description()), course.price(),
                            course.level().name(), course.durationHours(), course.thumbnailUrl(),
                            course.active() == null || course.active(), Boolean.TRUE.equals(course.featured()),
                            strings(course.whatYouWillLearn()), strings(course.features()), Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException race) {
            throw slugTaken(slug);
        }
        // Every course has its official curriculum from the start, so "the effective curriculum" always exists.
        jdbc.sql("""
                insert into curriculum (id, course_id, teacher_id, status, version_name, created_at, updated_at)
                values (?, ?, null, 'APPROVED', 'Official', ?, ?)""")
                .params(UuidV7.next(), id, Timestamp.from(now), Timestamp.from(now)).update();
        Course created = find(id.toString()).orElseThrow();
        events.courseCreated(id, created.title(), created.slug(), created.price(), created.level().name(),
                created.active());
        return created;
    }

    /** Applies the fields present in the change; publishes CourseUpdated when title, price, slug, level or active changed. */
    @Transactional
    public Course update(UUID id, CourseChange change) {
        if (change.title() != null && change.title().isBlank()) {
            throw Problems.invalidField("title", "must not be blank");
        }
        Course before = jdbc.sql("select " + Course.COLUMNS + " from course c where c.id = ? for no key update").param(id)
                .query(Course::read).optional().orElseThrow(() -> Problems.notFound("course", id));
        if (change.slug() != null && !change.slug().equals(before.slug())) {
            requireFreeSlug(change.slug(), id);
        }
        Course after = new Course(id, pick(change.title() == null ? null : change.title().strip(), before.title()),
                pick(change.slug(), before.slug()),
                change.description() == null ? before.description() : Html.clean(change.description()),
                pick(change.price(), before.price()), pick(change.level(), before.level()),
                pick(change.durationHours(), before.durationHours()), pick(change.thumbnailUrl(), before.thumbnailUrl()),
                pick(change.active(), before.active()), pick(change.featured(), before.featured()),
                pick(change.whatYouWillLearn(), before.whatYouWillLearn()), pick(change.features(), before.features()),
                before.createdAt(), Instant.now());
        boolean announced = !after.title().equals(before.title()) || after.price().compareTo(before.price()) != 0
                || after.active() != before.active() || !after.slug().equals(before.slug()) || after.level() != before.level();
        try {
            jdbc.sql("""
                    update course set title = ?, slug = ?, description = ?, price = ?, level = ?, duration_hours = ?,
                           thumbnail_url = ?, active = ?, featured = ?, what_you_will_learn = ?, features = ?,
                           updated_at = ?, revision = revision + ?
                    where id = ?""")
                    .params(after.title(), after.slug(), after.description(), after.price(), after.level().name(),
                            after.durationHours(), after.thumbnailUrl(), after.active(), after.featured(),
                            strings(after.whatYouWillLearn()), strings(after.features()),
                            Timestamp.from(after.updatedAt()), announced ? 1 : 0, id)
                    .update();
        } catch (DuplicateKeyException race) {
            throw slugTaken(after.slug());
        }
        if (announced) {
            long revision = jdbc.sql("select revision from course where id = ?").param(id).query(Long.class).single();
            events.courseUpdated(id, after.title(), after.slug(), after.price(), after.level().name(), after.active(),
                    revision);
        }
        return find(id.toString()).orElseThrow();
    }

    private void requireFreeSlug(String slug, UUID except) {
        boolean taken = jdbc.sql("select exists (select 1 from course where slug = ? and id is distinct from ?)")
                .params(slug, except == null ? new UUID(0, 0) : except).query(Boolean.class).single();
        if (taken) {
            throw slugTaken(slug);
        }
    }

    private static RuntimeException slugTaken(String slug) {
        return Problems.conflict("A course with the slug '" + slug + "' exists; choose another title or give a slug");
    }

    private static <T> T pick(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static String[] strings(List<String> values) {
        if (values == null) {
            return new String[0];
        }
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return kept.toArray(String[]::new);
    }

    private static boolean manager(Optional<Caller> caller) {
        return caller.map(CourseAccess::manages).orElse(false);
    }

    static Optional<UUID> uuid(String value) {
        try {
            return value.length() == 36 ? Optional.of(UUID.fromString(value)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the catalogue page is filtered by; null means "any". */
    public record Filter(Course.Level level, Boolean featured, UUID roadmapId, String text, boolean includeInactive) {
    }
}
