-- Up to two guardians of a student, in the order the student profile lists them (position 1 or 2).
-- communication-service sends fee receipts, reminders and absence notes to them, so the phone is
-- required and kept in E.164 (+919810000001); the e-mail is optional. A profile's guardians are
-- replaced together, and go with the profile when it is deleted.
CREATE TABLE student_guardian (
    student_profile_id uuid         NOT NULL REFERENCES student_profile (id) ON DELETE CASCADE,
    position           integer      NOT NULL CHECK (position BETWEEN 1 AND 2),
    name               varchar(120) NOT NULL,
    relation           varchar(10)  NOT NULL
        CHECK (relation IN ('FATHER', 'MOTHER', 'GUARDIAN', 'SIBLING', 'OTHER')),
    phone              varchar(20)  NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email              varchar(254),
    CONSTRAINT student_guardian_profile_position_key UNIQUE (student_profile_id, position)
);
