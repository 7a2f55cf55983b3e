CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE greeting (
    user_id varchar(64) NOT NULL,
    text    varchar(200) NOT NULL
);
