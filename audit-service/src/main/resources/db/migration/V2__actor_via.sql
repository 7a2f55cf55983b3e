-- How the change came about, as the envelope's actor says: request, event:<id>, job:<name> or system.
-- A column added later: records before it have none, and their hashes (which leave absent values
-- out) stay as they were.
ALTER TABLE audit_record ADD COLUMN actor_via text;
