-- A library resource that lessons still use cannot be deleted: deleting it would silently
-- change the official curriculum and versions under review or approved. Detach it first.
ALTER TABLE lesson_resource DROP CONSTRAINT lesson_resource_resource_id_fkey;
ALTER TABLE lesson_resource ADD CONSTRAINT lesson_resource_resource_id_fkey
    FOREIGN KEY (resource_id) REFERENCES resource (id) ON DELETE RESTRICT;

-- Foreign keys looked up when a lesson or resource is deleted (and by the cascades).
CREATE INDEX lesson_resource_resource_idx ON lesson_resource (resource_id) WHERE resource_id IS NOT NULL;
CREATE INDEX lesson_highlight_lesson_idx ON lesson_highlight (lesson_id);
CREATE INDEX lesson_bookmark_lesson_idx ON lesson_bookmark (lesson_id);
CREATE INDEX assignment_lesson_idx ON assignment (lesson_id) WHERE lesson_id IS NOT NULL;
