package dev.coachos.course.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a curriculum's whole tree in three statements (modules, lessons, lesson resources)
 * however many modules and lessons it has; the curriculum row itself is the caller's one more.
 */
@Component
class Trees {

    private final JdbcClient jdbc;

    Trees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CurriculumTree of(Curriculum c, boolean includeInactiveModules) {
        List<Row> modules = jdbc.sql("""
                select id, title, position, active, rich_text_content from module
                where curriculum_id = ? order by position""")
                .param(c.id())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("title"), rs.getInt("position"),
                        rs.getBoolean("active"), rs.getString("rich_text_content")))
                .list();
        Map<UUID, List<CurriculumTree.ResourceNode>> resources = new HashMap<>();
        jdbc.sql("""
                select lr.id, lr.lesson_id, lr.resource_id, coalesce(lr.title, r.title) as title,
                       coalesce(lr.type, r.type) as type, coalesce(lr.url, r.url) as url
                from lesson_resource lr join lesson l on l.id = lr.lesson_id
                left join resource r on r.id = lr.resource_id
                where l.curriculum_id = ? order by lr.created_at, lr.id""")
                .param(c.id())
                .query(rs -> {
                    resources.computeIfAbsent(rs.getObject("lesson_id", UUID.class), k -> new ArrayList<>())
                            .add(new CurriculumTree.ResourceNode(rs.getObject("id", UUID.class),
                                    rs.getObject("resource_id", UUID.class), rs.getString("title"), rs.getString("type"),
                                    rs.getString("url")));
                });
        Map<UUID, List<CurriculumTree.LessonNode>> lessons = new HashMap<>();
        jdbc.sql("""
                select id, module_id, title, position, content_url, rich_text_content, video_url, weightage
                from lesson where curriculum_id = ? order by position""")
                .param(c.id())
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID module = rs.getObject("module_id", UUID.class);
                    lessons.computeIfAbsent(module, k -> new ArrayList<>()).add(new CurriculumTree.LessonNode(id, module,
                            rs.getString("title"), rs.getInt("position"), rs.getString("content_url"),
                            rs.getString("rich_text_content"), rs.getString("video_url"), rs.getInt("weightage"),
                            resources.getOrDefault(id, List.of())));
                });
        List<CurriculumTree.ModuleNode> nodes = modules.stream()
                .filter(m -> includeInactiveModules || m.active())
                .map(m -> new CurriculumTree.ModuleNode(m.id(), m.title(), m.position(), m.active(), m.richText(),
                        lessons.getOrDefault(m.id(), List.of())))
                .toList();
        return new CurriculumTree(c.id(), c.courseId(), c.courseTitle(), c.teacherId(), c.official(), c.status(),
                c.versionName(), c.rejectionReason(), c.submittedAt(), c.reviewedAt(), c.updatedAt(), nodes);
    }

    /** One lesson with its resources: two statements. */
    java.util.Optional<CurriculumTree.LessonNode> lesson(UUID lessonId) {
        List<CurriculumTree.ResourceNode> resources = jdbc.sql("""
                select lr.id, lr.resource_id, coalesce(lr.title, r.title) as title, coalesce(lr.type, r.type) as type,
                       coalesce(lr.url, r.url) as url
                from lesson_resource lr left join resource r on r.id = lr.resource_id
                where lr.lesson_id = ? order by lr.created_at, lr.id""")
                .param(lessonId)
                .query((rs, n) -> new CurriculumTree.ResourceNode(rs.getObject("id", UUID.class),
                        rs.getObject("resource_id", UUID.class), rs.getString("title"), rs.getString("type"),
                        rs.getString("url")))
                .list();
        return jdbc.sql("""
                select id, module_id, title, position, content_url, rich_text_content, video_url, weightage
                from lesson where id = ?""")
                .param(lessonId)
                .query((rs, n) -> new CurriculumTree.LessonNode(lessonId, rs.getObject("module_id", UUID.class),
                        rs.getString("title"), rs.getInt("position"), rs.getString("content_url"),
                        rs.getString("rich_text_content"), rs.getString("video_url"), rs.getInt("weightage"), resources))
                .optional();
    }

    private record Row(UUID id, String title, int position, boolean active, String richText) {
    }
}
