-- Indexes for the directory that iTop clients query (webservices/rest.php): the checks made before
-- a person or an organization is deleted (who points at it), persons by organization, and persons
-- by email compared as the directory compares text (ASCII letters folded, byte order: COLLATE "C").

CREATE INDEX persons_organization_idx ON persons (organization_id);
CREATE INDEX persons_email_folded_idx ON persons (lower(email COLLATE "C"));
CREATE INDEX users_contact_person_idx ON users (contact_person_id);
CREATE INDEX users_organization_idx ON users (organization_id);
CREATE INDEX tokens_organization_idx ON tokens (organization_id) WHERE organization_id IS NOT NULL;
