-- The catalogue's text filter matches words (and word beginnings) of the title and description
-- through an index instead of scanning every course. 'simple' keeps words as written (no
-- English stemming: titles mix English, Hindi and subject jargon) and drops HTML tags.
ALTER TABLE course ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || coalesce(description, ''))) STORED;
CREATE INDEX course_search_idx ON course USING gin (search);
