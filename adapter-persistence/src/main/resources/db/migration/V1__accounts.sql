-- Accounts: organizations, contacts (persons) and users with their profiles and password hash.
-- Names are compared byte-wise (COLLATE "C") so ordering does not depend on the server's locale.

CREATE TABLE organizations (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL COLLATE "C",
    CONSTRAINT organizations_name_key UNIQUE (name),
    CONSTRAINT organizations_name_length CHECK (length(name) BETWEEN 1 AND 255)
);

CREATE TABLE persons (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_name      text   NOT NULL,
    name            text   NOT NULL,
    email           text   NOT NULL,
    phone           text,
    organization_id bigint NOT NULL REFERENCES organizations (id)
);

CREATE TABLE users (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login             text   NOT NULL COLLATE "C",
    status            text   NOT NULL,
    organization_id   bigint NOT NULL REFERENCES organizations (id),
    contact_person_id bigint NOT NULL REFERENCES persons (id),
    profiles          text[] NOT NULL DEFAULT '{}',
    -- an Argon2id PHC string, never a password
    password_hash     text   NOT NULL,
    CONSTRAINT users_login_key UNIQUE (login),
    CONSTRAINT users_status_code CHECK (status IN ('enabled', 'disabled'))
);
