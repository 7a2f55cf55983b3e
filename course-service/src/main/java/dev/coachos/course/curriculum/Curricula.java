package dev.coachos.course.curriculum;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.course.CourseEvents;
import dev.coachos.course.catalogue.CourseAccess;
import dev.coachos.events.course.LessonsChanged;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Curriculum versions: who reads and who edits which. The rules:
 * <ul>
 * <li>one official curriculum per course, edited by holders of {@code manage:courses};</li>
 * <li>one version per assigned teacher per course, starting as a copy of the official one;</li>
 * <li>only its teacher edits a version, and only while DRAFT or REJECTED; nobody edits a version
 * under review, and an approved version is frozen;</li>
 * <li>holders of {@code manage:curricula} approve or reject a submitted version ({@link Reviews});</li>
 * <li>the effective curriculum for a teacher is their APPROVED version, else the official one.</li>
 * </ul>
 * Every edit of a curriculum locks it first ({@link #lockForEdit}), so edits happen one at a time.
 */
@Service
public class Curricula {

    private final JdbcClient jdbc;
    private final CourseAccess access;
    private final CourseEvents events;
    private final Trees trees;
    private final JdbcTemplate batch;

    Curricula(JdbcClient jdbc, JdbcTemplate batch, CourseAccess access, CourseEvents events, Trees trees) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.access = access;
        this.events = events;
        this.trees = trees;
    }

    public Optional<Curriculum> find(UUID id) {
        return jdbc.sql(Curriculum.SELECT + " where cu.id = ?").param(id).query(Curriculum::read).optional();
    }

    /** The curriculum, for a caller allowed to read it (else 404, so drafts do not leak). */
    @Transactional(readOnly = true)
    public CurriculumTree read(UUID id, Caller caller) {
        Curriculum c = find(id).filter(found -> readable(found, caller)).orElseThrow(() -> Problems.notFound("curriculum", id));
        return trees.of(c, editorOrStaff(c, caller));
    }

    /** The teacher's APPROVED version, else the official one; one statement picks it. */
    @Transactional(readOnly = true)
    public CurriculumTree effective(UUID courseId, UUID teacherId, Caller caller) {
        Curriculum c = jdbc.sql(Curriculum.SELECT + """
                 where cu.course_id = ? and (cu.teacher_id is null or (cu.teacher_id = ? and cu.status = 'APPROVED'))
                order by cu.teacher_id nulls last limit 1""")
                .params(courseId, teacherId == null ? new UUID(0, 0) : teacherId)
                .query(Curriculum::read).optional()
                .filter(found -> readable(found, caller))
                .orElseThrow(() -> Problems.notFound("course", courseId));
        return trees.of(c, false);
    }

    /** The versions of a course the caller may see: all for staff, else the official one, approved ones and their own. */
    @Transactional(readOnly = true)
    public List<Curriculum> versions(UUID courseId, Caller caller) {
        List<Curriculum> all = jdbc.sql(Curriculum.SELECT + " where cu.course_id = ? order by cu.teacher_id nulls first, cu.created_at")
                .param(courseId).query(Curriculum::read).list();
        if (all.isEmpty()) {
            throw Problems.notFound("course", courseId);
        }
        List<Curriculum> visible = all.stream().filter(c -> readable(c, caller)).toList();
        if (visible.isEmpty()) {
            throw Problems.notFound("course", courseId);
        }
        return visible;
    }

    /** A new version for the calling teacher, copied from the official curriculum; {@code name} may be null. */
    @Transactional
    public CurriculumTree createTeacherVersion(UUID courseId, VersionName name, Caller caller) {
        String versionName = name == null ? null : name.versionName();
        Curriculum official = jdbc.sql(Curriculum.SELECT + " where cu.course_id = ? and cu.teacher_id is null for share of cu")
                .param(courseId).query(Curriculum::read).optional()
                .orElseThrow(() -> Problems.notFound("course", courseId));
        if (!access.teaches(caller, courseId)) {
            throw Problems.forbidden("Only teachers assigned to this course draft versions of its curriculum");
        }
        Optional<UUID> existing = jdbc.sql("select id from curriculum where course_id = ? and teacher_id = ?")
                .params(courseId, caller.userId()).query(UUID.class).optional();
        if (existing.isPresent()) {
            throw Problems.conflict("You already have a version of this course's curriculum: " + existing.get());
        }
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.sql("""
                    insert into curriculum (id, course_id, teacher_id, status, version_name, created_at, updated_at)
                    values (?, ?, ?, 'DRAFT', ?, ?, ?)""")
                    .params(id, courseId, caller.userId(), versionName, now, now).update();
        } catch (DuplicateKeyException e) {
            // A parallel request of the same teacher won; the transaction is spoilt, so no lookup here.
            throw Problems.conflict("You already have a version of this course's curriculum");
        }
        copyContent(official.id(), id, now);
        return trees.of(find(id).orElseThrow(), true);
    }

    /** Copies modules, lessons and lesson resources with new ids: three batched inserts. */
    private void copyContent(UUID from, UUID to, Timestamp now) {
        Map<UUID, UUID> modules = new HashMap<>();
        List<Object[]> moduleRows = new ArrayList<>();
        jdbc.sql("select id, title, position, active, rich_text_content from module where curriculum_id = ?").param(from)
                .query(rs -> {
                    UUID copy = UuidV7.next();
                    modules.put(rs.getObject("id", UUID.class), copy);
                    moduleRows.add(new Object[] {copy, to, rs.getString("title"), rs.getInt("position"),
                            rs.getBoolean("active"), rs.getString("rich_text_content"), now});
                });
        Map<UUID, UUID> lessons = new HashMap<>();
        List<Object[]> lessonRows = new ArrayList<>();
        jdbc.sql("""
                select id, module_id, title, position, content_url, rich_text_content, video_url, weightage
                from lesson where curriculum_id = ?""").param(from)
                .query(rs -> {
                    UUID copy = UuidV7.next();
                    lessons.put(rs.getObject("id", UUID.class), copy);
                    lessonRows.add(new Object[] {copy, modules.get(rs.getObject("module_id", UUID.class)), to,
                            rs.getString("title"), rs.getInt("position"), rs.getString("content_url"),
                            rs.getString("rich_text_content"), rs.getString("video_url"), rs.getInt("weightage"), now, now});
                });
        List<Object[]> resourceRows = new ArrayList<>();
        jdbc.sql("""
                select lr.lesson_id, lr.resource_id, lr.title, lr.type, lr.url from lesson_resource lr
                join lesson l on l.id = lr.lesson_id where l.curriculum_id = ?""").param(from)
                .query(rs -> {
                    resourceRows.add(new Object[] {UuidV7.next(), lessons.get(rs.getObject("lesson_id", UUID.class)),
                            rs.getObject("resource_id", UUID.class), rs.getString("title"), rs.getString("type"),
                            rs.getString("url"), now});
                });
        batch.batchUpdate("""
                insert into module (id, curriculum_id, title, position, active, rich_text_content, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", moduleRows);
        batch.batchUpdate("""
                insert into lesson (id, module_id, curriculum_id, title, position, content_url, rich_text_content,
                                    video_url, weightage, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lessonRows);
        batch.batchUpdate("""
                insert into lesson_resource (id, lesson_id, resource_id, title, type, url, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", resourceRows);
    }

    @Transactional
    public CurriculumTree rename(UUID id, VersionName name, Caller caller) {
        Curriculum c = lockForEdit(id, caller);
        jdbc.sql("update curriculum set version_name = ?, updated_at = ? where id = ?")
                .params(name.versionName(), Timestamp.from(Instant.now()), id).update();
        return trees.of(find(c.id()).orElseThrow(), true);
    }

    /**
     * Locks the curriculum for a change of its content or name, after checking the caller may
     * make it: the official one by holders of {@code manage:courses}; a teacher's only by that
     * teacher, and only while DRAFT or REJECTED.
     */
    public Curriculum lockForEdit(UUID id, Caller caller) {
        Curriculum c = jdbc.sql(Curriculum.SELECT + " where cu.id = ? for update of cu").param(id)
                .query(Curriculum::read).optional()
                .filter(found -> readable(found, caller))
                .orElseThrow(() -> Problems.notFound("curriculum", id));
        if (c.official()) {
            if (!CourseAccess.manages(caller)) {
                throw Problems.forbidden("Only holders of manage:courses edit the official curriculum");
            }
            return c;
        }
        if (!caller.is(c.teacherId()) || !caller.can("create:curricula")) {
            throw Problems.forbidden("Only the teacher who owns this version edits it");
        }
        if (!access.teaches(caller, c.courseId())) {
            throw Problems.forbidden("You are no longer assigned to this course");
        }
        return switch (c.status()) {
            case DRAFT, REJECTED -> c;
            case PENDING_APPROVAL -> throw Problems.conflict("This version is under review and cannot be edited");
            case APPROVED -> throw Problems.conflict("This version is approved and can no longer be edited");
        };
    }

    /** Marks the curriculum changed and, if its lessons count for progress now, publishes them. */
    public void changed(Curriculum c, boolean lessonsChanged) {
        jdbc.sql("update curriculum set updated_at = ? where id = ?").params(Timestamp.from(Instant.now()), c.id()).update();
        if (lessonsChanged && c.published()) {
            publishLessons(c.id());
        }
    }

    /** Publishes the curriculum's lessons (those of active modules, in order) at its next lessons revision. */
    void publishLessons(UUID id) {
        Curriculum c = find(id).orElseThrow();
        long revision = jdbc.sql("update curriculum set lessons_revision = lessons_revision + 1 where id = ? returning lessons_revision")
                .param(id).query(Long.class).single();
        List<LessonsChanged.LessonEntry> lessons = jdbc.sql("""
                select l.id, l.module_id, l.weightage from lesson l join module m on m.id = l.module_id
                where l.curriculum_id = ? and m.active order by m.position, l.position""")
                .param(id)
                .query((rs, n) -> new LessonsChanged.LessonEntry(rs.getObject("id", UUID.class).toString(),
                        rs.getObject("module_id", UUID.class).toString(), n + 1, rs.getInt("weightage")))
                .list();
        events.lessonsChanged(id, c.courseId(), c.teacherId(), revision, lessons);
    }

    /**
     * Who reads a curriculum: published ones (official, approved) whoever may study the course
     * (inactive courses only staff and its teachers); unpublished ones their teacher and reviewers.
     */
    public boolean readable(Curriculum c, Caller caller) {
        if (CourseAccess.manages(caller) || CourseAccess.reviews(caller)) {
            return true;
        }
        if (c.teacherId() != null && caller.is(c.teacherId())) {
            return true;
        }
        if (!c.published()) {
            return false;
        }
        // mayStudy includes the course's teachers; an inactive course only they still read.
        return c.courseActive() ? access.mayStudy(caller, c.courseId()) : access.teaches(caller, c.courseId());
    }

    /** Whether the caller sees a curriculum's hidden (inactive) modules: its editors and staff. */
    public boolean editorOrStaff(Curriculum c, Caller caller) {
        return CourseAccess.manages(caller) || CourseAccess.reviews(caller) || (c.teacherId() != null && caller.is(c.teacherId()));
    }
}
