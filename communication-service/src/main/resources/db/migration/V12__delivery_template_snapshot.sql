-- A delivery keeps its template's provider id, language and variable order as they were when its
-- body was rendered, so a template edited while the row waits never sends an old text under a new
-- DLT id (the sender reads these, not the template).
ALTER TABLE delivery
    ADD COLUMN provider_template_id varchar(100),
    ADD COLUMN language             varchar(10),
    ADD COLUMN variable_order       varchar(500);
