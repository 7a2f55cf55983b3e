-- Removing or replacing a draft's question checks response's foreign key to it: without an index
-- that check reads every response of every attempt.
CREATE INDEX response_question_idx ON response (question_id);
