-- What enrollment-service keeps of assessment-service, for progress: the quizzes published on each
-- curriculum, and each student's result on each quiz (the newest by the time its event occurred).
-- Both are fed by QuizReadModel.
CREATE TABLE quiz_view (
    quiz_id       uuid PRIMARY KEY,
    course_id     uuid         NOT NULL,
    curriculum_id uuid         NOT NULL,
    title         varchar(200) NOT NULL,
    published_at  timestamptz  NOT NULL
);
CREATE INDEX quiz_view_curriculum_idx ON quiz_view (curriculum_id);

CREATE TABLE quiz_result (
    student_id uuid          NOT NULL,
    quiz_id    uuid          NOT NULL,
    course_id  uuid          NOT NULL,
    percent    numeric(7, 2) NOT NULL,
    passed     boolean       NOT NULL,
    result_at  timestamptz   NOT NULL,
    PRIMARY KEY (student_id, quiz_id)
);
