package dev.coachos.course.study;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.course.curriculum.Content;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * A reader's private study notes: highlighted passages and bookmarked lessons, only of lessons
 * the reader may read. Nobody else sees or changes them; someone else's note is "not found".
 */
@Service
public class StudyNotes {

    private final JdbcClient jdbc;
    private final Content content;

    StudyNotes(JdbcClient jdbc, Content content) {
        this.jdbc = jdbc;
        this.content = content;
    }

    /** The caller's highlights, of one lesson or of all, in reading order. */
    @Transactional(readOnly = true)
    public List<Highlight> highlights(UUID lessonId, Caller caller) {
        return jdbc.sql("""
                select id, lesson_id, text, start_offset, end_offset, color, note, created_at from lesson_highlight
                where user_id = ? and (?::uuid is null or lesson_id = ?) order by lesson_id, start_offset nulls last, created_at""")
                .params(caller.userId(), lessonId, lessonId)
                .query((rs, n) -> new Highlight(rs.getObject("id", UUID.class), rs.getObject("lesson_id", UUID.class),
                        rs.getString("text"), (Integer) rs.getObject("start_offset"), (Integer) rs.getObject("end_offset"),
                        rs.getString("color"), rs.getString("note"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional
    public Highlight highlight(NewHighlight request, Caller caller) {
        content.readLesson(request.lessonId(), caller);
        if (request.startOffset() != null && request.endOffset() != null && request.endOffset() < request.startOffset()) {
            throw Problems.invalidField("endOffset", "must not be before startOffset");
        }
        Highlight highlight = new Highlight(UuidV7.next(), request.lessonId(), request.text(), request.startOffset(),
                request.endOffset(), request.color(), request.note(), Instant.now());
        jdbc.sql("""
                insert into lesson_highlight (id, lesson_id, user_id, text, start_offset, end_offset, color, note, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(highlight.id(), highlight.lessonId(), caller.userId(), highlight.text(), highlight.startOffset(),
                        highlight.endOffset(), highlight.color(), highlight.note(), Timestamp.from(highlight.createdAt()))
                .update();
        return highlight;
    }

    @Transactional
    public void removeHighlight(UUID id, Caller caller) {
        if (jdbc.sql("delete from lesson_highlight where id = ? and user_id = ?").params(id, caller.userId()).update() == 0) {
            throw Problems.notFound("highlight", id);
        }
    }

    /** The caller's bookmarks, newest first. */
    @Transactional(readOnly = true)
    public List<Bookmark> bookmarks(Caller caller) {
        return jdbc.sql("""
                select b.lesson_id, l.title, cu.course_id, b.note, b.created_at
                from lesson_bookmark b join lesson l on l.id = b.lesson_id join curriculum cu on cu.id = l.curriculum_id
                where b.user_id = ? order by b.created_at desc""")
                .param(caller.userId())
                .query((rs, n) -> new Bookmark(rs.getObject("lesson_id", UUID.class), rs.getString("title"),
                        rs.getObject("course_id", UUID.class), rs.getString("note"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Bookmarks a lesson; bookmarking it again only replaces the note ({@code note} may be null). */
    @Transactional
    public void bookmark(UUID lessonId, BookmarkNote note, Caller caller) {
        content.readLesson(lessonId, caller);
        jdbc.sql("""
                insert into lesson_bookmark (lesson_id, user_id, note, created_at) values (?, ?, ?, ?)
                on conflict (user_id, lesson_id) do update set note = excluded.note""")
                .params(lessonId, caller.userId(), note == null ? null : note.note(), Timestamp.from(Instant.now()))
                .update();
    }

    @Transactional
    public void removeBookmark(UUID lessonId, Caller caller) {
        if (jdbc.sql("delete from lesson_bookmark where lesson_id = ? and user_id = ?").params(lessonId, caller.userId())
                .update() == 0) {
            throw Problems.notFound("bookmark of lesson", lessonId);
        }
    }
}
