-- Messages that leave the app: e-mail, SMS and WhatsApp. Each outgoing message comes from a
-- template per purpose and channel; each (purpose, source event, recipient address, channel) is
-- one row of the delivery log, written in the transaction of the event that caused it, and a
-- sender drains the log. Users (and guardians' contacts) may opt out of a channel per purpose,
-- except for purposes the institute marks mandatory.

CREATE TABLE message_template (
    id                   uuid PRIMARY KEY,
    purpose              varchar(40)  NOT NULL,
    channel              varchar(20)  NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'WHATSAPP')),
    -- E-mail only: the subject line, with the same {{variables}} as the body.
    subject              varchar(300),
    -- The text with {{name}} variables; for SMS exactly the text registered on DLT.
    body                 varchar(4000) NOT NULL,
    -- The DLT template id (SMS) or the approved template's name (WhatsApp); null for e-mail.
    provider_template_id varchar(100),
    -- WhatsApp: the approved template's language, such as en or hi.
    language             varchar(10),
    -- The variables' order for providers that take positional parameters (WhatsApp, MSG91's var1..).
    variables            varchar(500) NOT NULL DEFAULT '',
    active               boolean      NOT NULL DEFAULT true,
    updated_by           uuid,
    updated_at           timestamptz  NOT NULL,
    version              integer      NOT NULL DEFAULT 0,
    UNIQUE (purpose, channel),
    CHECK (channel = 'EMAIL' OR provider_template_id IS NOT NULL)
);

-- Purposes a recipient may not opt out of (receipts, by default).
CREATE TABLE mandatory_purpose (
    purpose    varchar(40) PRIMARY KEY,
    updated_at timestamptz NOT NULL
);
INSERT INTO mandatory_purpose (purpose, updated_at) VALUES ('PAYMENT_RECEIPT', now());

-- One row per message and channel. QUEUED → SENDING → SENT → DELIVERED, or FAILED; SKIPPED when it
-- was never to be sent (no template, opted out, no address), CANCELLED when its reason went away
-- before it was sent (the installment was paid, the absence corrected). Forward only.
CREATE TABLE delivery (
    id                uuid PRIMARY KEY,
    purpose           varchar(40)  NOT NULL,
    source_event_id   uuid         NOT NULL,
    channel           varchar(20)  NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'WHATSAPP')),
    recipient_user_id uuid,
    recipient_kind    varchar(20)  NOT NULL CHECK (recipient_kind IN ('USER', 'GUARDIAN')),
    recipient_name    varchar(200),
    -- The e-mail address or E.164 phone the message goes to ('' when there is none: SKIPPED).
    address           varchar(320) NOT NULL,
    template_id       uuid REFERENCES message_template (id),
    subject           varchar(300),
    body              varchar(4000),
    variables         jsonb        NOT NULL,
    -- What may cancel it before it goes, such as installment:<id> or attendance:<batch>:<date>:<student>.
    related_key       varchar(200),
    status            varchar(20)  NOT NULL,
    status_reason     varchar(500),
    attempts          integer      NOT NULL DEFAULT 0,
    not_before        timestamptz  NOT NULL,
    next_attempt_at   timestamptz  NOT NULL,
    lease_until       timestamptz,
    last_error        varchar(500),
    provider          varchar(20),
    provider_id       varchar(200),
    created_at        timestamptz  NOT NULL,
    sent_at           timestamptz,
    delivered_at      timestamptz,
    failed_at         timestamptz,
    updated_at        timestamptz  NOT NULL,
    UNIQUE (purpose, source_event_id, address, channel)
);
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX delivery_recipient_idx ON delivery (recipient_user_id, created_at DESC);
CREATE INDEX delivery_related_idx ON delivery (related_key) WHERE related_key IS NOT NULL AND status = 'QUEUED';
CREATE UNIQUE INDEX delivery_provider_idx ON delivery (provider, provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX delivery_created_idx ON delivery (created_at DESC, id);

-- Opt-outs: by user, or by a guardian's contact (an e-mail address or E.164 phone), per channel and purpose.
CREATE TABLE message_opt_out (
    id         uuid PRIMARY KEY,
    user_id    uuid,
    address    varchar(320),
    channel    varchar(20) NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'WHATSAPP')),
    purpose    varchar(40) NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK ((user_id IS NULL) <> (address IS NULL))
);
CREATE UNIQUE INDEX message_opt_out_user_uq ON message_opt_out (user_id, channel, purpose) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX message_opt_out_address_uq ON message_opt_out (address, channel, purpose) WHERE address IS NOT NULL;
