package dev.coachos.course.curriculum;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.course.catalogue.Html;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Modules, lessons and lesson resources of a curriculum, and their order. Every change first
 * locks the curriculum through {@link Curricula#lockForEdit}, so edits of one curriculum happen
 * one at a time and obey its approval state. Rich text is sanitized on the way in.
 */
@Service
public class Content {

    /** What a content, video or resource address may be: an http(s) URL or a path on this site. */
    static final String URL = "^(https?://|/)\\S*$";

    private final JdbcClient jdbc;
    private final Curricula curricula;
    private final Trees trees;

    Content(JdbcClient jdbc, Curricula curricula, Trees trees) {
        this.jdbc = jdbc;
        this.curricula = curricula;
        this.trees = trees;
    }

    @Transactional
    public CurriculumTree.ModuleNode addModule(UUID curriculumId, NewModule fields, Caller caller) {
        Curriculum c = curricula.lockForEdit(curriculumId, caller);
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into module (id, curriculum_id, title, position, active, rich_text_content, created_at)
                values (?, ?, ?, (select coalesce(max(position), 0) + 1 from module where curriculum_id = ?), ?, ?, ?)""")
                .params(id, curriculumId, fields.title().strip(), curriculumId, fields.active() == null || fields.active(),
                        Html.clean(fields.richTextContent()), Timestamp.from(Instant.now()))
                .update();
        curricula.changed(c, false);
        return module(c, id);
    }

    @Transactional
    public CurriculumTree.ModuleNode updateModule(UUID moduleId, ModuleChange fields, Caller caller) {
        Curriculum c = curricula.lockForEdit(curriculumOfModule(moduleId), caller);
        int updated = jdbc.sql("""
                update module set title = coalesce(?, title), active = coalesce(?, active),
                       rich_text_content = coalesce(?, rich_text_content)
                where id = ?""")
                .params(fields.title() == null ? null : fields.title().strip(), fields.active(),
                        Html.clean(fields.richTextContent()), moduleId)
                .update();
        if (updated == 0) {
            throw Problems.notFound("module", moduleId);
        }
        curricula.changed(c, fields.active() != null);
        return module(c, moduleId);
    }

    @Transactional
    public void deleteModule(UUID moduleId, Caller caller) {
        Curriculum c = curricula.lockForEdit(curriculumOfModule(moduleId), caller);
        // Found before the lock; a parallel request may have deleted it since.
        int position = jdbc.sql("delete from module where id = ? returning position").param(moduleId).query(Integer.class)
                .optional().orElseThrow(() -> Problems.notFound("module", moduleId));
        jdbc.sql("update module set position = position - 1 where curriculum_id = ? and position > ?")
                .params(c.id(), position).update();
        curricula.changed(c, true);
    }

    @Transactional
    public CurriculumTree.LessonNode addLesson(UUID moduleId, NewLesson fields, Caller caller) {
        Curriculum c = curricula.lockForEdit(curriculumOfModule(moduleId), caller);
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into lesson (id, module_id, curriculum_id, title, position, content_url, rich_text_content,
                                    video_url, weightage, created_at, updated_at)
                values (?, ?, ?, ?, (select coalesce(max(position), 0) + 1 from lesson where module_id = ?), ?, ?, ?, ?, ?, ?)""")
                .params(id, moduleId, c.id(), fields.title().strip(), moduleId, fields.contentUrl(),
                        Html.clean(fields.richTextContent()), fields.videoUrl(),
                        fields.weightage() == null ? 1 : fields.weightage(), now, now)
                .update();
        curricula.changed(c, true);
        return lesson(c, id);
    }

    /**
     * Changes a lesson's fields; with {@code moduleId} it moves to the end of that module, which
     * must belong to the same curriculum.
     */
    @Transactional
    public CurriculumTree.LessonNode updateLesson(UUID lessonId, LessonChange fields, Caller caller) {
        UUID moveTo = fields.moduleId();
        UUID curriculumId = curriculumOfLesson(lessonId);
        Curriculum c = curricula.lockForEdit(curriculumId, caller);
        if (moveTo != null) {
            UUID target = jdbc.sql("select curriculum_id from module where id = ?").param(moveTo).query(UUID.class)
                    .optional().orElseThrow(() -> Problems.invalidField("moduleId", "no module with id " + moveTo));
            if (!target.equals(curriculumId)) {
                throw Problems.invalidField("moduleId", "a lesson moves only between modules of its own curriculum");
            }
            record Place(UUID module, int position) {
            }
            Place from = jdbc.sql("select module_id, position from lesson where id = ?").param(lessonId)
                    .query((rs, n) -> new Place(rs.getObject("module_id", UUID.class), rs.getInt("position"))).optional()
                    .orElseThrow(() -> Problems.notFound("lesson", lessonId));
            if (!from.module().equals(moveTo)) {
                jdbc.sql("""
                        update lesson set module_id = ?, position = (select coalesce(max(position), 0) + 1 from lesson where module_id = ?)
                        where id = ?""").params(moveTo, moveTo, lessonId).update();
                jdbc.sql("update lesson set position = position - 1 where module_id = ? and position > ?")
                        .params(from.module(), from.position()).update();
            }
        }
        jdbc.sql("""
                update lesson set title = coalesce(?, title), content_url = coalesce(?, content_url),
                       rich_text_content = coalesce(?, rich_text_content), video_url = coalesce(?, video_url),
                       weightage = coalesce(?, weightage), updated_at = ?
                where id = ?""")
                .params(fields.title() == null ? null : fields.title().strip(), fields.contentUrl(),
                        Html.clean(fields.richTextContent()), fields.videoUrl(), fields.weightage(),
                        Timestamp.from(Instant.now()), lessonId)
                .update();
        curricula.changed(c, moveTo != null || fields.weightage() != null);
        return lesson(c, lessonId);
    }

    @Transactional
    public void deleteLesson(UUID lessonId, Caller caller) {
        Curriculum c = curricula.lockForEdit(curriculumOfLesson(lessonId), caller);
        record Place(UUID module, int position) {
        }
        Place place = jdbc.sql("delete from lesson where id = ? returning module_id, position").param(lessonId)
                .query((rs, n) -> new Place(rs.getObject("module_id", UUID.class), rs.getInt("position"))).optional()
                .orElseThrow(() -> Problems.notFound("lesson", lessonId));
        jdbc.sql("update lesson set position = position - 1 where module_id = ? and position > ?")
                .params(place.module(), place.position()).update();
        curricula.changed(c, true);
    }

    /**
     * Sets the order of every module and of every lesson in one request. The request must name
     * each module of the curriculum once and each of its lessons once; a lesson may change
     * module within the curriculum. Anything else is refused before a row changes.
     */
    @Transactional
    public CurriculumTree reorder(UUID curriculumId, CurriculumOrder request, Caller caller) {
        List<CurriculumOrder.ModuleOrder> order = request.modules();
        Curriculum c = curricula.lockForEdit(curriculumId, caller);
        Set<UUID> modules = new HashSet<>(jdbc.sql("select id from module where curriculum_id = ?").param(curriculumId)
                .query(UUID.class).list());
        Set<UUID> lessons = new HashSet<>(jdbc.sql("select id from lesson where curriculum_id = ?").param(curriculumId)
                .query(UUID.class).list());
        List<UUID> moduleIds = order.stream().map(CurriculumOrder.ModuleOrder::moduleId).toList();
        if (moduleIds.size() != modules.size() || !modules.equals(new HashSet<>(moduleIds))) {
            throw Problems.invalidField("modules", "must list each of the curriculum's " + modules.size()
                    + " modules exactly once");
        }
        List<UUID> lessonIds = new ArrayList<>();
        List<UUID> lessonModules = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Map<UUID, Boolean> seen = new HashMap<>();
        for (int m = 0; m < order.size(); m++) {
            List<UUID> ids = order.get(m).lessonIds() == null ? List.of() : order.get(m).lessonIds();
            for (int l = 0; l < ids.size(); l++) {
                UUID lesson = ids.get(l);
                if (!lessons.contains(lesson)) {
                    throw Problems.invalidField("modules[" + m + "].lessonIds",
                            "lesson " + lesson + " is not in this curriculum");
                }
                if (seen.put(lesson, true) != null) {
                    throw Problems.invalidField("modules[" + m + "].lessonIds", "lesson " + lesson + " is listed twice");
                }
                lessonIds.add(lesson);
                lessonModules.add(order.get(m).moduleId());
                positions.add(l + 1);
            }
        }
        if (lessonIds.size() != lessons.size()) {
            throw Problems.invalidField("modules", "must list each of the curriculum's " + lessons.size()
                    + " lessons exactly once; " + (lessons.size() - lessonIds.size()) + " missing");
        }
        jdbc.sql("""
                update module m set position = v.position
                from unnest(?::uuid[]) with ordinality as v(id, position) where m.id = v.id""")
                .param(moduleIds.toArray(UUID[]::new)).update();
        if (!lessonIds.isEmpty()) {
            jdbc.sql("""
                    update lesson l set module_id = v.module_id, position = v.position, updated_at = now()
                    from unnest(?::uuid[], ?::uuid[], ?::int[]) as v(id, module_id, position) where l.id = v.id""")
                    .params(lessonIds.toArray(UUID[]::new), lessonModules.toArray(UUID[]::new),
                            positions.toArray(Integer[]::new))
                    .update();
        }
        curricula.changed(c, true);
        return trees.of(curricula.find(curriculumId).orElseThrow(), true);
    }

    /** A lesson with its resources, for whoever may read its curriculum. */
    @Transactional(readOnly = true)
    public CurriculumTree.LessonNode readLesson(UUID lessonId, Caller caller) {
        UUID curriculumId = curriculumOfLesson(lessonId);
        Curriculum c = curricula.find(curriculumId).filter(found -> curricula.readable(found, caller))
                .orElseThrow(() -> Problems.notFound("lesson", lessonId));
        // A lesson of a hidden (inactive) module is shown only to those who see the module.
        if (!curricula.editorOrStaff(c, caller) && !jdbc.sql(
                "select m.active from lesson l join module m on m.id = l.module_id where l.id = ?").param(lessonId)
                .query(Boolean.class).optional().orElse(false)) {
            throw Problems.notFound("lesson", lessonId);
        }
        return lesson(c, lessonId);
    }

    /**
     * Attaches a resource of the lesson's own, or one of the shared library, to the lesson; a
     * library resource at most once.
     */
    @Transactional
    public CurriculumTree.LessonNode attach(UUID lessonId, Attachment attachment, Caller caller) {
        Curriculum c = curricula.lockForEdit(curriculumOfLesson(lessonId), caller);
        boolean library = attachment.resourceId() != null;
        boolean own = attachment.title() != null || attachment.type() != null || attachment.url() != null;
        if (library == own) {
            throw Problems.invalidField("resourceId", "give either resourceId (a library resource) or title, type and url");
        }
        if (own && (attachment.title() == null || attachment.type() == null || attachment.url() == null)) {
            throw Problems.invalidField(attachment.title() == null ? "title" : attachment.type() == null ? "type" : "url",
                    "is required for a resource of the lesson's own");
        }
        if (library && !jdbc.sql("select exists (select 1 from resource where id = ?)").param(attachment.resourceId())
                .query(Boolean.class).single()) {
            throw Problems.invalidField("resourceId", "no library resource with id " + attachment.resourceId());
        }
        int added = jdbc.sql("""
                insert into lesson_resource (id, lesson_id, resource_id, title, type, url, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (lesson_id, resource_id) do nothing""")
                .params(UuidV7.next(), lessonId, attachment.resourceId(), attachment.title(),
                        attachment.type() == null ? null : attachment.type().name(), attachment.url(),
                        Timestamp.from(Instant.now()))
                .update();
        if (added == 0) {
            throw Problems.conflict("This library resource is already attached to the lesson");
        }
        curricula.changed(c, false);
        return lesson(c, lessonId);
    }

    /** Removes one of the lesson's resources (a library resource stays in the library). */
    @Transactional
    public void detach(UUID lessonId, UUID attachmentId, Caller caller) {
        Curriculum c = curricula.lockForEdit(curriculumOfLesson(lessonId), caller);
        if (jdbc.sql("delete from lesson_resource where id = ? and lesson_id = ?").params(attachmentId, lessonId).update() == 0) {
            throw Problems.notFound("lesson resource", attachmentId);
        }
        curricula.changed(c, false);
    }

    private UUID curriculumOfModule(UUID moduleId) {
        return jdbc.sql("select curriculum_id from module where id = ?").param(moduleId).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("module", moduleId));
    }

    private UUID curriculumOfLesson(UUID lessonId) {
        return jdbc.sql("select curriculum_id from lesson where id = ?").param(lessonId).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("lesson", lessonId));
    }

    private CurriculumTree.ModuleNode module(Curriculum c, UUID moduleId) {
        return trees.of(curricula.find(c.id()).orElseThrow(), true).modules().stream()
                .filter(m -> m.id().equals(moduleId)).findFirst()
                .orElseThrow(() -> Problems.notFound("module", moduleId));
    }

    private CurriculumTree.LessonNode lesson(Curriculum c, UUID lessonId) {
        return trees.lesson(lessonId).orElseThrow(() -> Problems.notFound("lesson", lessonId));
    }
}
